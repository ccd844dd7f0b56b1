-- An expenditure invoiced in another currency keeps the invoice's amount, its currency and the rate used
-- (project currency per one unit of it); all null for an expenditure in the project currency.
ALTER TABLE expenditure_version
    ADD COLUMN original_amount   NUMERIC,
    ADD COLUMN original_currency TEXT,
    ADD COLUMN rate              NUMERIC,
    ADD COLUMN rate_date         DATE,
    ADD COLUMN rate_source       TEXT;

-- What the monitoring report's header shows besides the registration: the administrative contract's number (null
-- when not given) and the partner organisations (a JSON list of {"name","country","role"}; empty when there are none,
-- as for every project registered before these were recorded).
ALTER TABLE project ADD COLUMN contract_number TEXT;
ALTER TABLE project ADD COLUMN partners JSONB NOT NULL DEFAULT '[]'::jsonb;

-- An import records its rows in events of up to 1,000 (ADR 0056), so the versions of one event share its position: a
-- version is the expenditure's at a position. The key takes the place of the index by expenditure, which it covers.
ALTER TABLE expenditure_version DROP CONSTRAINT expenditure_version_pkey,
    ADD CONSTRAINT expenditure_version_pkey PRIMARY KEY (project_id, expenditure_id, position);
DROP INDEX expenditure_version_by_id;

-- spending_day (V8) is kept by triggers on expenditure_version. V8's trigger fired once per row: an import of
-- 10,000 expenditures projected in JDBC batches (or a rebuild's COPY) ran 10,000 upserts, most of them into the
-- same few (project, line, day) rows, and was the largest single cost of projecting an import (issue 16, figure 3;
-- docs/PERFORMANCE.md). These triggers fire once per statement and add each day's sum once, from the statement's
-- transition tables (the rows it inserted, changed or deleted). spending_day holds the same sums, in the same
-- transaction as the version rows, as before. PostgreSQL allows a transition table only on a trigger for one event,
-- hence three triggers.
DROP TRIGGER expenditure_version_spending ON expenditure_version;
DROP FUNCTION expenditure_version_spending();

-- A version counts while it is in force: from its insert (unless cancelled) until it is superseded or deleted.
CREATE FUNCTION spending_day_add_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO spending_day AS s (project_id, budget_line, incurred_on, cost_category, amount)
        SELECT project_id, budget_line, incurred_on, min(cost_category), -sum(amount)
        FROM old_rows WHERE superseded_position IS NULL AND status = 'RECORDED'
        GROUP BY project_id, budget_line, incurred_on
        ON CONFLICT (project_id, budget_line, incurred_on) DO UPDATE SET amount = s.amount + EXCLUDED.amount;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO spending_day AS s (project_id, budget_line, incurred_on, cost_category, amount)
        SELECT project_id, budget_line, incurred_on, min(cost_category), sum(amount)
        FROM new_rows WHERE superseded_position IS NULL AND status = 'RECORDED'
        GROUP BY project_id, budget_line, incurred_on
        ON CONFLICT (project_id, budget_line, incurred_on) DO UPDATE SET amount = s.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER expenditure_version_spending_insert
    AFTER INSERT ON expenditure_version REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION spending_day_add_rows();

CREATE TRIGGER expenditure_version_spending_update
    AFTER UPDATE ON expenditure_version REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION spending_day_add_rows();

CREATE TRIGGER expenditure_version_spending_delete
    AFTER DELETE ON expenditure_version REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION spending_day_add_rows();

DROP FUNCTION spending_day_add(VARCHAR, VARCHAR, DATE, VARCHAR, NUMERIC);

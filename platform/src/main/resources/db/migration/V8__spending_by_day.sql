-- What is spent now per budget line and day: the sum of the expenditure versions in force (not superseded, not
-- cancelled). Budget execution of the current state reads this, so its cost follows the calendar (lines x days
-- with spending), not the number of expenditures recorded. Kept by triggers on expenditure_version in the same
-- transaction as the version rows, so it can never disagree with them; views as of a past horizon still read the
-- versions themselves.
CREATE TABLE spending_day (
    project_id    VARCHAR(255) NOT NULL,
    budget_line   VARCHAR(255) NOT NULL,
    incurred_on   DATE         NOT NULL,
    cost_category VARCHAR(255) NOT NULL,
    amount        NUMERIC      NOT NULL,
    PRIMARY KEY (project_id, budget_line, incurred_on)
);

CREATE FUNCTION spending_day_add(p_project VARCHAR, p_line VARCHAR, p_day DATE, p_category VARCHAR, p_amount NUMERIC)
    RETURNS void LANGUAGE sql AS $$
    INSERT INTO spending_day (project_id, budget_line, incurred_on, cost_category, amount)
    VALUES (p_project, p_line, p_day, p_category, p_amount)
    ON CONFLICT (project_id, budget_line, incurred_on) DO UPDATE SET amount = spending_day.amount + EXCLUDED.amount;
$$;

-- A version counts while it is in force: from its insert (unless cancelled) until it is superseded or deleted.
CREATE FUNCTION expenditure_version_spending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.superseded_position IS NULL AND OLD.status = 'RECORDED' THEN
        PERFORM spending_day_add(OLD.project_id, OLD.budget_line, OLD.incurred_on, OLD.cost_category, -OLD.amount);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.superseded_position IS NULL AND NEW.status = 'RECORDED' THEN
        PERFORM spending_day_add(NEW.project_id, NEW.budget_line, NEW.incurred_on, NEW.cost_category, NEW.amount);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER expenditure_version_spending
    AFTER INSERT OR UPDATE OR DELETE ON expenditure_version
    FOR EACH ROW EXECUTE FUNCTION expenditure_version_spending();

INSERT INTO spending_day (project_id, budget_line, incurred_on, cost_category, amount)
SELECT project_id, budget_line, incurred_on, min(cost_category), sum(amount)
FROM expenditure_version
WHERE superseded_position IS NULL AND status = 'RECORDED'
GROUP BY project_id, budget_line, incurred_on;

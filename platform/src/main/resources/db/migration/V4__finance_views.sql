-- Every version of every expenditure: the recording, each correction and the cancellation. A version is in force
-- from its own position until the position that superseded it, so the budget can be read at any horizon.
CREATE TABLE expenditure_version (
    position            BIGINT       NOT NULL PRIMARY KEY,
    project_id          VARCHAR(255) NOT NULL,
    expenditure_id      VARCHAR(255) NOT NULL,
    superseded_position BIGINT,
    change              VARCHAR(16)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    budget_line         VARCHAR(255) NOT NULL,
    cost_category       VARCHAR(255) NOT NULL,
    amount              NUMERIC      NOT NULL,
    incurred_on         DATE         NOT NULL,
    paid_on             DATE,
    supplier            TEXT,
    invoice             TEXT,
    description         TEXT,
    corrects            VARCHAR(255),
    reason              TEXT,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    actor               VARCHAR(255)
);
CREATE INDEX expenditure_version_by_id ON expenditure_version (project_id, expenditure_id, position);
-- What budget execution reads for the current state: only versions in force, as a covering index.
CREATE INDEX expenditure_current_spending ON expenditure_version (project_id, budget_line, incurred_on)
    INCLUDE (amount, cost_category) WHERE superseded_position IS NULL AND status = 'RECORDED';
CREATE INDEX expenditure_current_list ON expenditure_version (project_id, incurred_on, expenditure_id)
    WHERE superseded_position IS NULL;

-- Yearly work plans and budgets (ADR 0024).

-- Each version of a year's plan as drafted: its budget [{"budgetLine","planned"}] and activities
-- [{"subActivity","from","to","description"}], in the order given.
CREATE TABLE work_plan_version (
    position   BIGINT  NOT NULL,
    project_id TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    budget     JSONB   NOT NULL,
    activities JSONB   NOT NULL,
    PRIMARY KEY (project_id, year, version)
);

-- Every step of every version: DRAFT (drafted), SUBMITTED, APPROVED, RETURNED, with who, when and the comment.
-- The version in force for a year at a horizon is the one of its last APPROVED step up to that position.
CREATE TABLE work_plan_step (
    position    BIGINT      NOT NULL PRIMARY KEY,
    project_id  TEXT        NOT NULL,
    year        INTEGER     NOT NULL,
    version     INTEGER     NOT NULL,
    status      TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    actor       TEXT,
    comment     TEXT
);
CREATE INDEX work_plan_step_by_year ON work_plan_step (project_id, year, position);

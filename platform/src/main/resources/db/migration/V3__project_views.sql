-- Read model of project setup. Facts are kept with the global position of the event that recorded them, so any
-- view can be computed as it stood at an earlier position (reports, asOf).

CREATE TABLE project (
    project_id          VARCHAR(255) NOT NULL PRIMARY KEY,
    name                TEXT         NOT NULL,
    programme           TEXT         NOT NULL,
    beneficiary         TEXT         NOT NULL,
    currency            CHAR(3)      NOT NULL,
    minor_digits        INTEGER      NOT NULL,
    eligible_from       DATE         NOT NULL,
    eligible_to         DATE         NOT NULL,
    flexibility_percent NUMERIC      NOT NULL,
    position            BIGINT       NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL
);

CREATE TABLE reporting_period (
    project_id VARCHAR(255) NOT NULL,
    period_id  VARCHAR(255) NOT NULL,
    ordinal    INTEGER      NOT NULL,
    date_from  DATE         NOT NULL,
    date_to    DATE         NOT NULL,
    PRIMARY KEY (project_id, period_id)
);

CREATE TABLE sub_activity (
    project_id VARCHAR(255) NOT NULL,
    code       VARCHAR(255) NOT NULL,
    name       TEXT         NOT NULL,
    position   BIGINT       NOT NULL,
    PRIMARY KEY (project_id, code)
);

CREATE TABLE budget_line (
    project_id        VARCHAR(255) NOT NULL,
    code              VARCHAR(255) NOT NULL,
    sub_activity      VARCHAR(255) NOT NULL,
    cost_category     VARCHAR(255) NOT NULL,
    planned           NUMERIC,
    flat_rate_percent NUMERIC,
    flat_rate_of      VARCHAR(255),
    position          BIGINT       NOT NULL,
    PRIMARY KEY (project_id, code)
);

CREATE TABLE budget_line_revision (
    project_id     VARCHAR(255) NOT NULL,
    position       BIGINT       NOT NULL,
    code           VARCHAR(255) NOT NULL,
    planned        NUMERIC      NOT NULL,
    effective_from DATE         NOT NULL,
    reason         TEXT         NOT NULL,
    reference      TEXT,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(255),
    PRIMARY KEY (project_id, position)
);

CREATE TABLE indicator (
    project_id  VARCHAR(255) NOT NULL,
    code        VARCHAR(255) NOT NULL,
    name        TEXT         NOT NULL,
    unit        TEXT,
    kind        VARCHAR(16)  NOT NULL,
    measure     VARCHAR(16)  NOT NULL,
    aggregation VARCHAR(16)  NOT NULL,
    ascending   BOOLEAN      NOT NULL,
    baseline    NUMERIC,
    target      NUMERIC,
    milestones  JSONB        NOT NULL,
    position    BIGINT       NOT NULL,
    PRIMARY KEY (project_id, code)
);

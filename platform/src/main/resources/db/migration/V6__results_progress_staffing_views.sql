-- Every version of every indicator value (recorded, corrected, retracted), in force from its position until the
-- position that superseded it.
CREATE TABLE indicator_value_version (
    position            BIGINT       NOT NULL PRIMARY KEY,
    project_id          VARCHAR(255) NOT NULL,
    indicator           VARCHAR(255) NOT NULL,
    value_id            VARCHAR(255) NOT NULL,
    period_id           VARCHAR(255) NOT NULL,
    value               TEXT         NOT NULL,
    note                TEXT,
    evidence            TEXT,
    change              VARCHAR(16)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    reason              TEXT,
    superseded_position BIGINT,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    actor               VARCHAR(255)
);
CREATE INDEX indicator_value_by_id ON indicator_value_version (project_id, value_id, position);
CREATE INDEX indicator_value_current ON indicator_value_version (project_id, indicator, period_id)
    WHERE superseded_position IS NULL AND status = 'RECORDED';

-- Every progress report; the latest one for a sub-activity and period is in force, the earlier stay readable.
CREATE TABLE activity_progress (
    position     BIGINT       NOT NULL PRIMARY KEY,
    project_id   VARCHAR(255) NOT NULL,
    sub_activity VARCHAR(255) NOT NULL,
    period_id    VARCHAR(255) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    summary      TEXT         NOT NULL,
    problems     TEXT,
    measures     TEXT,
    next_steps   TEXT,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(255)
);
CREATE INDEX activity_progress_by_period ON activity_progress (project_id, period_id, sub_activity, position);

CREATE TABLE staff_position (
    project_id     VARCHAR(255) NOT NULL,
    code           VARCHAR(255) NOT NULL,
    title          TEXT         NOT NULL,
    sub_activities TEXT[]       NOT NULL,
    opened_on      DATE         NOT NULL,
    position       BIGINT       NOT NULL,
    PRIMARY KEY (project_id, code)
);

-- Openings, failed recruitments, hires and departures, by business date. Names are personal data: kept here for
-- the report, never logged.
CREATE TABLE staffing_change (
    position         BIGINT       NOT NULL PRIMARY KEY,
    project_id       VARCHAR(255) NOT NULL,
    type             VARCHAR(32)  NOT NULL,
    position_code    VARCHAR(255) NOT NULL,
    staff_id         VARCHAR(255),
    change_date      DATE         NOT NULL,
    name             TEXT,
    workload_percent NUMERIC,
    reason           TEXT,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    actor            VARCHAR(255)
);
CREATE INDEX staffing_change_by_date ON staffing_change (project_id, change_date, position);

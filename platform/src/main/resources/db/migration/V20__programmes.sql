-- Programmes (ADR 0021).

-- Command side: which programmes are registered and what their projects must agree with, and which programme each
-- project names in which currency. Kept in step with ProgrammeRegistered and ProjectRegistered in the transaction
-- that records them, so a project's registration and its programme's can check each other at the moment of the write.
CREATE TABLE programme_register (
    programme_id TEXT   NOT NULL PRIMARY KEY,
    currency     TEXT   NOT NULL,
    components   TEXT[] NOT NULL,
    indicators   TEXT[] NOT NULL
);

CREATE TABLE programme_member (
    project_id TEXT NOT NULL PRIMARY KEY,
    programme  TEXT NOT NULL,
    currency   TEXT NOT NULL
);
CREATE INDEX programme_member_by_programme ON programme_member (programme);

-- Projects registered before there was a register.
INSERT INTO programme_member (project_id, programme, currency)
SELECT aggregateidentifier, convert_from(payload, 'UTF8')::jsonb ->> 'programme',
       convert_from(payload, 'UTF8')::jsonb ->> 'currency'
  FROM domainevententry
 WHERE payloadtype = 'io.seire.kernel.setup.ProjectRegistered'
ON CONFLICT (project_id) DO NOTHING;

-- Query side: the programme as registered. Its funding sources, components and indicators keep their order.
CREATE TABLE programme (
    programme_id       TEXT        NOT NULL PRIMARY KEY,
    name               TEXT        NOT NULL,
    currency           TEXT        NOT NULL,
    minor_digits       INTEGER     NOT NULL,
    claim_currency     TEXT        NOT NULL,
    claim_minor_digits INTEGER     NOT NULL,
    ceiling            NUMERIC     NOT NULL,
    funding_sources    JSONB       NOT NULL,
    components         JSONB       NOT NULL,
    indicators         JSONB       NOT NULL,
    position           BIGINT      NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL
);

-- A project's component of its programme, and the programme indicator a project indicator counts towards.
ALTER TABLE project ADD COLUMN component TEXT;
CREATE INDEX project_by_programme ON project (programme, project_id);
ALTER TABLE indicator ADD COLUMN programme_indicator TEXT;

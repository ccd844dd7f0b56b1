-- The audit trail: one entry per project event, with who recorded it, when, in which role, from which source and
-- request, and what it changed. Also turns asOf=<instant> into a position, per project.
CREATE TABLE audit_entry (
    position        BIGINT       NOT NULL PRIMARY KEY,
    project_id      VARCHAR(255) NOT NULL,
    sequence        BIGINT       NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(255),
    roles           VARCHAR(255),
    type            VARCHAR(64)  NOT NULL,
    business_date   VARCHAR(64),
    summary         TEXT         NOT NULL,
    reason          TEXT,
    idempotency_key VARCHAR(255),
    correlation_id  VARCHAR(255),
    source          TEXT,
    subjects        TEXT[]       NOT NULL
);
CREATE INDEX audit_entry_by_project ON audit_entry (project_id, position);
CREATE INDEX audit_entry_by_time ON audit_entry (project_id, recorded_at);

-- The hash chain over each project's stored events, link by link, as first seen. Never emptied by a projection
-- rebuild: recomputing it from rows that may have been tampered with would hide the tampering.
CREATE TABLE event_chain (
    position   BIGINT       NOT NULL PRIMARY KEY,
    project_id VARCHAR(255) NOT NULL,
    sequence   BIGINT       NOT NULL,
    hash       CHAR(64)     NOT NULL
);
CREATE INDEX event_chain_by_project ON event_chain (project_id, position);
CREATE UNIQUE INDEX event_chain_by_sequence ON event_chain (project_id, sequence);

-- Reports exactly as submitted: the document is composed once, from the history up to composed_from_position.
CREATE TABLE report (
    project_id             VARCHAR(255) NOT NULL,
    report_id              VARCHAR(255) NOT NULL,
    period_id              VARCHAR(255) NOT NULL,
    kind                   VARCHAR(16)  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    position               BIGINT       NOT NULL,
    composed_from_position BIGINT       NOT NULL,
    chain_head             CHAR(64)     NOT NULL,
    submitted_at           TIMESTAMPTZ  NOT NULL,
    submitted_by           VARCHAR(255),
    document               TEXT         NOT NULL,
    PRIMARY KEY (project_id, report_id)
);

CREATE TABLE report_decision (
    position    BIGINT       NOT NULL PRIMARY KEY,
    project_id  VARCHAR(255) NOT NULL,
    report_id   VARCHAR(255) NOT NULL,
    decision    VARCHAR(16)  NOT NULL,
    comment     TEXT,
    recorded_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(255)
);

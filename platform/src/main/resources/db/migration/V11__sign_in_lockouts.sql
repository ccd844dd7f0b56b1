-- Every time repeated failed sign-ins paused a user name or a client address (answered 429 without checking the
-- password): the audit record of brute-force attempts. One row per pause, however many requests it refused; never
-- a password. The counters themselves live in each node's memory (ADR 0014).
CREATE TABLE sign_in_lockout (
    id           BIGSERIAL    PRIMARY KEY,
    locked_at    TIMESTAMPTZ  NOT NULL,
    locked_until TIMESTAMPTZ  NOT NULL,
    scope        VARCHAR(16)  NOT NULL CHECK (scope IN ('user', 'address')),
    subject      VARCHAR(255) NOT NULL,
    address      VARCHAR(255) NOT NULL,
    username     VARCHAR(255) NOT NULL,
    failures     INTEGER      NOT NULL,
    node         VARCHAR(255) NOT NULL
);
CREATE INDEX sign_in_lockout_by_subject ON sign_in_lockout (scope, subject, locked_at);

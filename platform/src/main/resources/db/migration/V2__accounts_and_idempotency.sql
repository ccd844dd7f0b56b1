-- Credentials, kept in step with UserRegistered events in the transaction that records them, so a new user can
-- sign in at once on every node.
CREATE TABLE app_user (
    username      VARCHAR(255) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    roles         TEXT[]       NOT NULL,
    projects      TEXT[]       NOT NULL,
    programmes    TEXT[]       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The first successful answer to a write sent with an Idempotency-Key, scoped to the user and the path. Written in
-- the same transaction as the write's events, so an answer is remembered exactly when the write happened.
CREATE TABLE idempotency_record (
    actor         VARCHAR(255) NOT NULL,
    path          TEXT         NOT NULL,
    key           VARCHAR(255) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER,
    response      TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, path, key)
);

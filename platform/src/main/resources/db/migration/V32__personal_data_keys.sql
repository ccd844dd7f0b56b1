-- Crypto-shredding of personal data (ADR 0035). One data key per subject (a staff member, a record with free text),
-- stored wrapped (AES-256-GCM) under the operator's master key, which never enters the database. Events carry only
-- text sealed under these keys; erasure sets wrapped_key to NULL, after which that text can be read by nobody.
CREATE TABLE personal_data_key (
    key_id        TEXT PRIMARY KEY,
    project_id    TEXT NOT NULL,
    subject       TEXT NOT NULL,
    wrapped_key   BYTEA,
    master_key_id TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    destroyed_at  TIMESTAMPTZ,
    UNIQUE (project_id, subject)
);

-- A value sealed under the master key when the first node with one started: a node configured with another key (or
-- none) once personal data exists refuses to start, instead of failing on every name later.
CREATE TABLE personal_data_master_check (
    id            INT PRIMARY KEY CHECK (id = 1),
    master_key_id TEXT NOT NULL,
    sealed_check  BYTEA NOT NULL
);

-- Users can be disabled. The flag sits beside the credentials, which every node reads on every signed-in request,
-- so a disabled user is refused everywhere at once.
ALTER TABLE app_user ADD COLUMN disabled   BOOLEAN     NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN changed_at TIMESTAMPTZ;

-- Who changed which account, when and why: one row per event of a user account, written in the transaction that
-- records the event. The events carry the same; this is their readable index for GET /api/v1/users/{u}.
-- Never a password or its hash.
CREATE TABLE user_account_change (
    id          BIGSERIAL    PRIMARY KEY,
    username    VARCHAR(255) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(255),
    change      VARCHAR(64)  NOT NULL,
    reason      TEXT,
    roles       TEXT[],
    projects    TEXT[],
    programmes  TEXT[]
);
CREATE INDEX user_account_change_of_user ON user_account_change (username, id);

-- The users created before this migration: their registration, as recorded in the event store.
INSERT INTO user_account_change (username, recorded_at, actor, change, roles, projects, programmes)
SELECT u.username, e.timestamp::timestamptz, convert_from(e.metadata, 'UTF8')::jsonb ->> 'actor', 'UserRegistered',
       u.roles, u.projects, u.programmes
FROM domainevententry e
JOIN app_user u ON u.username = convert_from(e.payload, 'UTF8')::jsonb ->> 'username'
WHERE e.payloadtype = 'io.seire.kernel.access.UserRegistered'
ORDER BY e.globalindex;

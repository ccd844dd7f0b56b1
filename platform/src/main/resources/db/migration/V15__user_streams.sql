-- ADR 0020: a user's events live in the stream 'user/<name>', so no user can share an event stream with a project
-- (project ids cannot contain '/'). Streams recorded before under the bare user name are moved.
UPDATE domainevententry SET aggregateidentifier = 'user/' || aggregateidentifier
 WHERE type = 'UserAccount' AND aggregateidentifier NOT LIKE 'user/%';
UPDATE snapshotevententry SET aggregateidentifier = 'user/' || aggregateidentifier
 WHERE type = 'UserAccount' AND aggregateidentifier NOT LIKE 'user/%';

-- Finds a project's events by position (read-your-writes checks, audit trail, hash chain) without scanning all.
CREATE INDEX domainevententry_aggregate_position ON domainevententry (aggregateidentifier, globalindex);

-- The secondary indexes a rebuild of the views dropped to load them in bulk (ADR 0038), with their definitions, kept in
-- the transaction that drops them: re-created at the end of the rebuild, or when a node starts after a rebuild died.
CREATE TABLE projection_rebuild_index (
    name       TEXT NOT NULL PRIMARY KEY,
    definition TEXT NOT NULL
);

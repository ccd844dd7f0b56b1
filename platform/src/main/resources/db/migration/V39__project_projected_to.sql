-- How far the projections have applied each project's history: the position of its last event in the views,
-- written in the same transaction as the views' rows (ADR 0043). A programme's roll-ups read their projects'
-- states from here in one query instead of one probe of audit_entry per project.
ALTER TABLE project ADD COLUMN projected_to bigint;
UPDATE project p SET projected_to = COALESCE(
    (SELECT max(a.position) FROM audit_entry a WHERE a.project_id = p.project_id), p.position);
ALTER TABLE project ALTER COLUMN projected_to SET NOT NULL;

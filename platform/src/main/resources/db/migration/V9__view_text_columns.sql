-- The read tables hold text exactly as the events carry it. A length limit here that the command side does not
-- check (an actor name from a sign-in token, a correlation id, a period id) would make an accepted event
-- impossible to project and stop every view behind it, so they take text of any length. varchar to text needs no
-- table rewrite.
ALTER TABLE project ALTER COLUMN project_id TYPE TEXT;
ALTER TABLE reporting_period ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN period_id TYPE TEXT;
ALTER TABLE sub_activity ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN code TYPE TEXT;
ALTER TABLE budget_line ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN code TYPE TEXT,
    ALTER COLUMN sub_activity TYPE TEXT, ALTER COLUMN cost_category TYPE TEXT, ALTER COLUMN flat_rate_of TYPE TEXT;
ALTER TABLE budget_line_revision ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN code TYPE TEXT,
    ALTER COLUMN actor TYPE TEXT;
ALTER TABLE indicator ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN code TYPE TEXT, ALTER COLUMN kind TYPE TEXT,
    ALTER COLUMN measure TYPE TEXT, ALTER COLUMN aggregation TYPE TEXT;
ALTER TABLE expenditure_version ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN expenditure_id TYPE TEXT,
    ALTER COLUMN budget_line TYPE TEXT, ALTER COLUMN cost_category TYPE TEXT, ALTER COLUMN change TYPE TEXT,
    ALTER COLUMN status TYPE TEXT, ALTER COLUMN corrects TYPE TEXT, ALTER COLUMN actor TYPE TEXT;
ALTER TABLE spending_day ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN budget_line TYPE TEXT,
    ALTER COLUMN cost_category TYPE TEXT;
ALTER TABLE indicator_value_version ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN value_id TYPE TEXT,
    ALTER COLUMN indicator TYPE TEXT, ALTER COLUMN period_id TYPE TEXT, ALTER COLUMN change TYPE TEXT,
    ALTER COLUMN status TYPE TEXT, ALTER COLUMN actor TYPE TEXT;
ALTER TABLE activity_progress ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN sub_activity TYPE TEXT,
    ALTER COLUMN period_id TYPE TEXT, ALTER COLUMN status TYPE TEXT, ALTER COLUMN actor TYPE TEXT;
ALTER TABLE staff_position ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN code TYPE TEXT;
ALTER TABLE staffing_change ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN position_code TYPE TEXT,
    ALTER COLUMN staff_id TYPE TEXT, ALTER COLUMN type TYPE TEXT, ALTER COLUMN actor TYPE TEXT;
ALTER TABLE audit_entry ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN actor TYPE TEXT, ALTER COLUMN roles TYPE TEXT,
    ALTER COLUMN type TYPE TEXT, ALTER COLUMN business_date TYPE TEXT, ALTER COLUMN idempotency_key TYPE TEXT,
    ALTER COLUMN correlation_id TYPE TEXT;
ALTER TABLE event_chain ALTER COLUMN project_id TYPE TEXT;
ALTER TABLE report ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN report_id TYPE TEXT, ALTER COLUMN period_id TYPE TEXT,
    ALTER COLUMN kind TYPE TEXT, ALTER COLUMN status TYPE TEXT, ALTER COLUMN submitted_by TYPE TEXT;
ALTER TABLE report_decision ALTER COLUMN project_id TYPE TEXT, ALTER COLUMN report_id TYPE TEXT,
    ALTER COLUMN decision TYPE TEXT, ALTER COLUMN actor TYPE TEXT;

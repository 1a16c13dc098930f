-- Grievance PostgreSQL schema, version 3: the lifecycle state of complaints (version for optimistic concurrency,
-- assignment, transfers, escalation, time-limit bookkeeping, feedback, erasure).
ALTER TABLE {schema}.complaints
    ADD COLUMN version            integer     NOT NULL DEFAULT 0,
    ADD COLUMN assigned_unit      text,
    ADD COLUMN assigned_officer   text,
    ADD COLUMN transfer_count     integer     NOT NULL DEFAULT 0,
    ADD COLUMN escalation_level   integer     NOT NULL DEFAULT 0,
    ADD COLUMN sla_started_at     timestamptz,
    ADD COLUMN sla_notices        integer     NOT NULL DEFAULT 0,
    ADD COLUMN next_sla_check_at  timestamptz,
    ADD COLUMN resolved_at        timestamptz,
    ADD COLUMN closed_at          timestamptz,
    ADD COLUMN satisfied          boolean,
    ADD COLUMN rating             integer,
    ADD COLUMN erased_at          timestamptz;
CREATE INDEX ix_complaints_next_sla_check ON {schema}.complaints (next_sla_check_at) WHERE status IN (0, 1, 2, 3, 4, 6);
CREATE INDEX ix_complaints_complainant ON {schema}.complaints (channel, complainant_id);
CREATE INDEX ix_complaints_closed ON {schema}.complaints (closed_at) WHERE erased_at IS NULL AND closed_at IS NOT NULL;

-- Grievance SQLite schema, version 3: the lifecycle state of complaints (version for optimistic concurrency,
-- assignment, transfers, escalation, time-limit bookkeeping, feedback, erasure). Times are UTC ticks.
ALTER TABLE complaints ADD COLUMN version            INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN assigned_unit      TEXT;
ALTER TABLE complaints ADD COLUMN assigned_officer   TEXT;
ALTER TABLE complaints ADD COLUMN transfer_count     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN escalation_level   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN sla_started_at     INTEGER;
ALTER TABLE complaints ADD COLUMN sla_notices        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN next_sla_check_at  INTEGER;
ALTER TABLE complaints ADD COLUMN resolved_at        INTEGER;
ALTER TABLE complaints ADD COLUMN closed_at          INTEGER;
ALTER TABLE complaints ADD COLUMN satisfied          INTEGER;
ALTER TABLE complaints ADD COLUMN rating             INTEGER;
ALTER TABLE complaints ADD COLUMN erased_at          INTEGER;
CREATE INDEX ix_complaints_next_sla_check ON complaints (next_sla_check_at) WHERE status IN (0, 1, 2, 3, 4, 6);
CREATE INDEX ix_complaints_complainant ON complaints (channel, complainant_id);
CREATE INDEX ix_complaints_closed ON complaints (closed_at) WHERE erased_at IS NULL AND closed_at IS NOT NULL;

-- Grievance PostgreSQL schema, version 4: outbox priority (claims take the highest first, then the oldest) and the
-- earliest time of the next delivery attempt (retry backoff).
ALTER TABLE {schema}.outbox
    ADD COLUMN priority        integer     NOT NULL DEFAULT 1,
    ADD COLUMN next_attempt_at timestamptz;
-- Messages queued before version 4: acknowledgements above replies, notices below.
UPDATE {schema}.outbox SET priority = CASE kind WHEN 0 THEN 2 WHEN 7 THEN 0 ELSE 1 END WHERE status = 0;
-- Claims scan pending rows in claim order; the partial index stays as small as the backlog.
DROP INDEX {schema}.ix_outbox_pending;
CREATE INDEX ix_outbox_pending ON {schema}.outbox (priority DESC, position) WHERE status = 0;
CREATE INDEX ix_outbox_failed ON {schema}.outbox (position) WHERE status = 2;

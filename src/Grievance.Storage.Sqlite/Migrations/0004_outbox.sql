-- Grievance SQLite schema, version 4: outbox priority (claims take the highest first, then the oldest) and the earliest
-- time of the next delivery attempt (retry backoff). Times are UTC ticks.
ALTER TABLE outbox ADD COLUMN priority        INTEGER NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER;
-- Messages queued before version 4: acknowledgements above replies, notices below.
UPDATE outbox SET priority = CASE kind WHEN 0 THEN 2 WHEN 7 THEN 0 ELSE 1 END WHERE status = 0;
DROP INDEX ix_outbox_pending;
CREATE INDEX ix_outbox_pending ON outbox (priority DESC, position) WHERE status = 0;
CREATE INDEX ix_outbox_failed ON outbox (position) WHERE status = 2;

-- Grievance SQLite schema, version 5: a citizen's complaints in a month are counted from an index (channel, citizen,
-- creation time), which also serves listing a citizen's complaints; rejected messages record their author's platform id
-- so a citizen's rejections can be found for erasure, and unerased rejections are found by age for the retention period.
DROP INDEX ix_complaints_complainant;
CREATE INDEX ix_complaints_complainant_created ON complaints (channel, complainant_id, created_at);
ALTER TABLE rejections ADD COLUMN author_id TEXT;
-- Rejections recorded before version 5: the author's id from the message as received.
UPDATE rejections SET author_id = json_extract(message, '$.Author.PlatformId') WHERE message IS NOT NULL AND json_valid(message);
CREATE INDEX ix_rejections_author ON rejections (channel, author_id) WHERE author_id IS NOT NULL;
CREATE INDEX ix_rejections_unerased ON rejections (rejected_at) WHERE message IS NOT NULL;

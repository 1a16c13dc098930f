-- Grievance SQLite schema, version 1. Times are UTC ticks (100 ns since 0001-01-01), exact for .NET's DateTimeOffset.
CREATE TABLE complaints (
    position            INTEGER PRIMARY KEY AUTOINCREMENT,
    id                  TEXT    NOT NULL UNIQUE,
    code                TEXT    NOT NULL UNIQUE,
    channel             TEXT    NOT NULL,
    source_message_id   TEXT    NOT NULL,
    conversation_id     TEXT,
    addressed_account   TEXT,
    complainant_id      TEXT    NOT NULL,
    complainant_handle  TEXT,
    complainant_name    TEXT,
    text                TEXT    NOT NULL,
    language            TEXT,
    attachments         TEXT    NOT NULL,
    department          TEXT    NOT NULL,
    district            TEXT,
    category            TEXT    NOT NULL,
    routing             TEXT,
    status              INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    due_at              INTEGER
);
CREATE INDEX ix_complaints_department_district_status ON complaints (department, district, status, position);
CREATE INDEX ix_complaints_status_due ON complaints (status, due_at);
CREATE INDEX ix_complaints_conversation ON complaints (channel, conversation_id) WHERE conversation_id IS NOT NULL;

CREATE TABLE processed_messages (
    channel       TEXT    NOT NULL,
    external_id   TEXT    NOT NULL,
    outcome       INTEGER NOT NULL,
    complaint_id  TEXT,
    rejection_id  TEXT,
    processed_at  INTEGER NOT NULL,
    PRIMARY KEY (channel, external_id)
) WITHOUT ROWID;

CREATE TABLE audit_events (
    position           INTEGER PRIMARY KEY AUTOINCREMENT,
    id                 TEXT    NOT NULL UNIQUE,
    complaint_id       TEXT    NOT NULL REFERENCES complaints (id),
    action             TEXT    NOT NULL,
    actor              TEXT    NOT NULL,
    at                 INTEGER NOT NULL,
    from_status        INTEGER,
    to_status          INTEGER,
    reason             TEXT,
    source_message_id  TEXT
);
CREATE INDEX ix_audit_events_complaint ON audit_events (complaint_id, position);

CREATE TABLE rejections (
    position     INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    kind         INTEGER NOT NULL,
    channel      TEXT,
    external_id  TEXT,
    reasons      TEXT    NOT NULL,
    rejected_at  INTEGER NOT NULL,
    message      TEXT
);

CREATE TABLE outbox (
    position          INTEGER PRIMARY KEY AUTOINCREMENT,
    id                TEXT    NOT NULL UNIQUE,
    idempotency_key   TEXT    NOT NULL UNIQUE,
    complaint_id      TEXT    NOT NULL REFERENCES complaints (id),
    channel           TEXT    NOT NULL,
    kind              INTEGER NOT NULL,
    recipient_id      TEXT    NOT NULL,
    in_reply_to       TEXT,
    from_account      TEXT,
    text              TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    status            INTEGER NOT NULL,
    attempts          INTEGER NOT NULL,
    sent_external_id  TEXT,
    last_error        TEXT,
    lease_until       INTEGER
);
CREATE INDEX ix_outbox_pending ON outbox (status, position) WHERE status = 0;
CREATE INDEX ix_outbox_complaint ON outbox (complaint_id, position);

CREATE TABLE checkpoints (
    source      TEXT    PRIMARY KEY,
    checkpoint  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sequences (
    scope       TEXT    PRIMARY KEY,
    next_value  INTEGER NOT NULL
) WITHOUT ROWID;

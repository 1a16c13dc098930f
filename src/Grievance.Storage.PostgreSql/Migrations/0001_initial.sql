-- Grievance PostgreSQL schema, version 1. {schema} is replaced by the configured schema's quoted name.
-- Times are timestamptz (microsecond precision). "position" orders rows by insertion, as the contract lists them.
CREATE TABLE {schema}.complaints (
    id                  uuid        PRIMARY KEY,
    position            bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    code                text        NOT NULL UNIQUE,
    channel             text        NOT NULL,
    source_message_id   text        NOT NULL,
    conversation_id     text,
    addressed_account   text,
    complainant_id      text        NOT NULL,
    complainant_handle  text,
    complainant_name    text,
    text                text        NOT NULL,
    language            text,
    attachments         jsonb       NOT NULL,
    department          text        NOT NULL,
    district            text,
    category            text        NOT NULL,
    routing             jsonb,
    status              integer     NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    due_at              timestamptz
);
CREATE INDEX ix_complaints_department ON {schema}.complaints (department, position);
CREATE INDEX ix_complaints_department_district_status ON {schema}.complaints (department, district, status, position);
CREATE INDEX ix_complaints_district ON {schema}.complaints (district, position);
CREATE INDEX ix_complaints_status_due ON {schema}.complaints (status, due_at);
CREATE INDEX ix_complaints_conversation ON {schema}.complaints (channel, conversation_id, position) WHERE conversation_id IS NOT NULL;

-- One row per source message: the primary key is what makes concurrent deliveries of one message yield one complaint.
CREATE TABLE {schema}.processed_messages (
    channel       text        NOT NULL,
    external_id   text        NOT NULL,
    outcome       integer     NOT NULL,
    complaint_id  uuid,
    rejection_id  uuid,
    processed_at  timestamptz NOT NULL,
    PRIMARY KEY (channel, external_id)
);

CREATE TABLE {schema}.audit_events (
    id                 uuid        PRIMARY KEY,
    position           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    complaint_id       uuid        NOT NULL REFERENCES {schema}.complaints (id),
    action             text        NOT NULL,
    actor              text        NOT NULL,
    at                 timestamptz NOT NULL,
    from_status        integer,
    to_status          integer,
    reason             text,
    source_message_id  text
);
CREATE INDEX ix_audit_events_complaint ON {schema}.audit_events (complaint_id, position);

CREATE TABLE {schema}.rejections (
    id           uuid        PRIMARY KEY,
    position     bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    kind         integer     NOT NULL,
    channel      text,
    external_id  text,
    reasons      jsonb       NOT NULL,
    rejected_at  timestamptz NOT NULL,
    message      jsonb
);

CREATE TABLE {schema}.outbox (
    id                uuid        PRIMARY KEY,
    position          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    idempotency_key   text        NOT NULL UNIQUE,
    complaint_id      uuid        NOT NULL REFERENCES {schema}.complaints (id),
    channel           text        NOT NULL,
    kind              integer     NOT NULL,
    recipient_id      text        NOT NULL,
    in_reply_to       text,
    from_account      text,
    text              text        NOT NULL,
    created_at        timestamptz NOT NULL,
    status            integer     NOT NULL,
    attempts          integer     NOT NULL,
    sent_external_id  text,
    last_error        text,
    lease_until       timestamptz
);
-- Claims scan pending rows in order; the partial index stays as small as the backlog.
CREATE INDEX ix_outbox_pending ON {schema}.outbox (position) WHERE status = 0;
CREATE INDEX ix_outbox_complaint ON {schema}.outbox (complaint_id, position);

CREATE TABLE {schema}.checkpoints (
    source      text        PRIMARY KEY,
    checkpoint  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE {schema}.sequences (
    scope       text    PRIMARY KEY,
    next_value  bigint  NOT NULL
);

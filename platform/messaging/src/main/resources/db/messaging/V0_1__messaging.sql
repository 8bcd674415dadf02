-- Messaging tables every service has in its own schema (shipped by dossier-messaging; services add the location
-- db/messaging to quarkus.flyway.locations). Versions 0.x are reserved for these; services number theirs from 1.

-- Transactional outbox: written in the same transaction as the change it records; the relay publishes rows in id
-- order and stamps published_at. Published rows are deleted after the retention period.
CREATE TABLE outbox_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    envelope     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;

-- Idempotent consumption: an event's effect and its row here commit together, so a redelivery finds the row and
-- changes nothing.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

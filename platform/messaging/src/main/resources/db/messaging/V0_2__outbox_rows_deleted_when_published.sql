-- The relay now deletes a row once Kafka has acknowledged it, instead of stamping published_at and deleting it days
-- later: the stamp rewrote the whole row (the event's full text) and every index entry. Rows published before this
-- version go now; those not yet published stay and are relayed as before.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_unpublished;
ALTER TABLE outbox_event DROP COLUMN published_at;

ALTER TABLE event_mention ADD COLUMN date_inferred BOOLEAN NOT NULL DEFAULT false;

-- A change that publishes an event (ledger_entry) and an effect of consuming it (ledger_effect, deliberately
-- not idempotent by itself: a second insert would show a duplicate).
CREATE TABLE ledger_entry (id UUID PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE ledger_effect (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, article_id UUID NOT NULL);

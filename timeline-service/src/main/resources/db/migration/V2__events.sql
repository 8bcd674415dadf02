-- One row per real happening, merged from the event mentions of many articles. Its dates are recomputed from the
-- sources whenever a source joins or leaves (EventMerger.combine).
CREATE TABLE timeline_event (
    id           UUID PRIMARY KEY,
    kind         TEXT   NOT NULL,
    label        TEXT   NOT NULL,
    start_date   DATE   NOT NULL,
    end_date     DATE   NOT NULL,
    granularity  TEXT   NOT NULL,
    dates_inferred BOOLEAN NOT NULL DEFAULT false,
    confidence   REAL   NOT NULL,
    participants UUID[] NOT NULL DEFAULT '{}',
    places       UUID[] NOT NULL DEFAULT '{}',
    controls     UUID[] NOT NULL DEFAULT '{}',
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX timeline_event_dates ON timeline_event (kind, start_date, end_date);
CREATE INDEX timeline_event_order ON timeline_event (start_date, id);
CREATE INDEX timeline_event_participants ON timeline_event USING gin (participants);
CREATE INDEX timeline_event_controls ON timeline_event USING gin (controls);

-- Every article that reports an event: the mention as read, with its own dates and why it was merged.
CREATE TABLE event_source (
    mention_id    UUID PRIMARY KEY,
    event_id      UUID    NOT NULL REFERENCES timeline_event (id) ON DELETE CASCADE,
    article_id    UUID    NOT NULL,
    label         TEXT    NOT NULL,
    quote         TEXT    NOT NULL,
    span_start    INT     NOT NULL,
    span_end      INT     NOT NULL,
    start_date    DATE    NOT NULL,
    end_date      DATE    NOT NULL,
    granularity   TEXT    NOT NULL,
    date_inferred BOOLEAN NOT NULL,
    participants  UUID[]  NOT NULL DEFAULT '{}',
    places        UUID[]  NOT NULL DEFAULT '{}',
    controls      UUID[]  NOT NULL DEFAULT '{}',
    merge_reason  TEXT    NOT NULL,
    confidence    REAL    NOT NULL
);
CREATE INDEX event_source_event ON event_source (event_id);
CREATE INDEX event_source_article ON event_source (article_id);

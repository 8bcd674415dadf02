-- Which articles' event mentions have been placed on the timeline, and when.
CREATE TABLE article_placement (
    article_id   UUID PRIMARY KEY,
    timelined_at TIMESTAMPTZ NOT NULL,
    event_count  INT         NOT NULL DEFAULT 0
);

-- Full-text search: title weighs more than body. A tsvector is limited to 1 MB, so the body is indexed up to its
-- first 500,000 characters (an ingest limit of 1 MiB makes longer bodies rare).
ALTER TABLE article ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', left(text, 500000)), 'B')) STORED;
CREATE INDEX article_search ON article USING GIN (search);

-- When an article is dated: its publication time, or when we received it if that is unknown. Lists and date filters
-- use it.
ALTER TABLE article ADD COLUMN dated_at TIMESTAMPTZ GENERATED ALWAYS AS (coalesce(published_at, received_at)) STORED;
CREATE INDEX article_dated ON article (dated_at DESC, id DESC);
CREATE INDEX article_source ON article (source, dated_at DESC);

CREATE TABLE article (
    id            UUID PRIMARY KEY,
    text          TEXT        NOT NULL,
    title         TEXT,
    url           TEXT,
    source        TEXT,
    published_at  TIMESTAMPTZ,
    language      TEXT,
    content_hash  CHAR(64)    NOT NULL,
    duplicate_of  UUID REFERENCES article (id),
    received_at   TIMESTAMPTZ NOT NULL,
    analyzed_at   TIMESTAMPTZ,
    timelined_at  TIMESTAMPTZ
);
-- Exact duplicates: the same normalised text, or the same URL, is one article.
CREATE UNIQUE INDEX article_content_hash ON article (content_hash);
CREATE UNIQUE INDEX article_url ON article (url) WHERE url IS NOT NULL;
CREATE INDEX article_received ON article (received_at, id);

-- The articles entity-service has analysed, with the text it analysed (kept so that analysis can be re-run when
-- the rules or the models improve, without asking article-service again).
CREATE TABLE document (
    article_id      UUID PRIMARY KEY,
    text            TEXT        NOT NULL,
    published_at    TIMESTAMPTZ,
    language        TEXT,
    duplicate_of    UUID,
    analyzed_at     TIMESTAMPTZ NOT NULL,
    mention_count   INT         NOT NULL DEFAULT 0,
    statement_count INT         NOT NULL DEFAULT 0
);

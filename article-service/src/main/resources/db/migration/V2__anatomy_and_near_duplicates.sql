-- What the raw text is made of (title line, original link, disclaimers, related-link lists, repeated passages) as
-- JSON ranges into text; a phrase that suggests when the text was written, when the partner gave no time.
ALTER TABLE article ADD COLUMN sections       JSONB NOT NULL DEFAULT '[]';
ALTER TABLE article ADD COLUMN published_hint TEXT;
-- MinHash signature (128 x 8 bytes) of the analysed text, for near-duplicate checks of later articles.
ALTER TABLE article ADD COLUMN minhash        BYTEA;

-- Locality-sensitive index of the signatures: 32 band buckets per article. A new article looks up only its own
-- 32 buckets, so finding near duplicates costs the same at a thousand articles as at millions.
CREATE TABLE article_lsh (
    band       SMALLINT NOT NULL,
    bucket     BIGINT   NOT NULL,
    article_id UUID     NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article_id)
);
CREATE INDEX article_duplicate_of ON article (duplicate_of) WHERE duplicate_of IS NOT NULL;

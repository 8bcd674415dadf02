-- The article's title as article-service announced it: a transcript's title names who speaks when its turns are
-- labelled generically ("A:"), and re-analysis needs it as the first analysis had it.
ALTER TABLE document ADD COLUMN title TEXT;

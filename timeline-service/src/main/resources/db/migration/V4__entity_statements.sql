-- What each entity said and when, so that its timeline interleaves its statements with the events it took part in.
-- A projection of entity-service's analysis results (statement ids are entity-service's): an article's rows are
-- replaced whole when it is analysed again. A statement is dated by when it was said, or by its article's publication.
CREATE TABLE entity_statement (
    statement_id UUID PRIMARY KEY,
    article_id   UUID NOT NULL,
    speaker_id   UUID NOT NULL,
    said_from    DATE NOT NULL,
    said_to      DATE NOT NULL,
    granularity  TEXT NOT NULL
);
CREATE INDEX entity_statement_speaker ON entity_statement (speaker_id, said_from, statement_id);
CREATE INDEX entity_statement_article ON entity_statement (article_id);

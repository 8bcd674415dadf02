-- Canonical entities. The id is derived from the analysis key (person:kevin-hassett, control:us-entity-list, ...),
-- so the same entity gets the same id from every article and every re-analysis.
CREATE TABLE entity (
    id                UUID PRIMARY KEY,
    key               TEXT        NOT NULL UNIQUE,
    kind              TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    aliases           TEXT[]      NOT NULL DEFAULT '{}',
    wikidata_id       TEXT,
    country_id        UUID,
    organization_kind TEXT,
    roles             JSONB       NOT NULL DEFAULT '[]',
    control           JSONB,
    first_seen        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX entity_kind_name ON entity (kind, lower(name), id);

-- Where an article names an entity, and why the name was resolved to it.
CREATE TABLE mention (
    article_id  UUID NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    seq         INT  NOT NULL,
    entity_id   UUID NOT NULL REFERENCES entity (id),
    text        TEXT NOT NULL,
    span_start  INT  NOT NULL,
    span_end    INT  NOT NULL,
    resolution  TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mention_entity ON mention (entity_id, article_id);

CREATE TABLE statement (
    id                UUID PRIMARY KEY,
    article_id        UUID    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    seq               INT     NOT NULL,
    attributed_to     TEXT    NOT NULL,
    speaker_id        UUID REFERENCES entity (id),
    speaker_kind      TEXT    NOT NULL,
    cue               TEXT    NOT NULL,
    content           TEXT    NOT NULL,
    quote             TEXT    NOT NULL,
    direct            BOOLEAN NOT NULL,
    span_start        INT     NOT NULL,
    span_end          INT     NOT NULL,
    reported_by_id    UUID REFERENCES entity (id),
    said_from         DATE,
    said_to           DATE,
    said_granularity  TEXT,
    about             UUID[]  NOT NULL DEFAULT '{}',
    published_at      TIMESTAMPTZ
);
CREATE INDEX statement_article ON statement (article_id, seq);
CREATE INDEX statement_speaker ON statement (speaker_id, said_from DESC, id);
CREATE INDEX statement_about ON statement USING gin (about);

CREATE TABLE event_mention (
    id           UUID PRIMARY KEY,
    article_id   UUID   NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    seq          INT    NOT NULL,
    kind         TEXT   NOT NULL,
    trigger      TEXT   NOT NULL,
    label        TEXT   NOT NULL,
    start_date   DATE,
    end_date     DATE,
    granularity  TEXT,
    participants UUID[] NOT NULL DEFAULT '{}',
    places       UUID[] NOT NULL DEFAULT '{}',
    controls     UUID[] NOT NULL DEFAULT '{}',
    quote        TEXT   NOT NULL,
    span_start   INT    NOT NULL,
    span_end     INT    NOT NULL
);
CREATE INDEX event_mention_article ON event_mention (article_id, seq);

-- Resolutions that go beyond an exact known name (a surname, a garbled name beside a post): recorded so that a
-- wrong one can be found and undone. An undone merge is remembered, and later analyses keep the name apart.
CREATE TABLE entity_merge (
    id          BIGSERIAL PRIMARY KEY,
    article_id  UUID        NOT NULL,
    alias       TEXT        NOT NULL,
    entity_id   UUID        NOT NULL REFERENCES entity (id),
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    undone_at   TIMESTAMPTZ,
    UNIQUE (article_id, alias, entity_id)
);

ALTER TABLE document ADD COLUMN note TEXT;
ALTER TABLE document ADD COLUMN token_count INT NOT NULL DEFAULT 0;
ALTER TABLE document ADD COLUMN analysis_ranges TEXT;

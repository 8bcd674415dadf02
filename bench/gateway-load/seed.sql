-- A realistic store for the gateway load benchmark, generated in place (psql -v articles=N -f seed.sql):
-- 40 countries, 200 organisations, 30 controls, N articles (default 10,000), 5 statements per article (50,000) and
-- an official per 10 articles (1,000, with 1 to 3 posts each), so that every official has 50 statements whatever N is
-- and the flagship query's answer has the same shape at every size of the store. Each statement is about one or two
-- controls.
-- Written straight into the services' schemas: the benchmark measures the gateway and the internal APIs, not the
-- language pipeline (which would take 35 minutes for 10,000 articles on this machine). Every generated id starts
-- with the same prefix, so a rerun first removes what the last one made. Text of our own, from templates.

\set ON_ERROR_STOP on
\if :{?articles}
\else
\set articles 10000
\endif
SELECT :articles * 5 AS statements, greatest(20, :articles / 10) AS officials \gset
BEGIN;

-- Ids: md5 of a tag and a serial number, as a UUID; keys carry a 'bench:' prefix.
CREATE OR REPLACE FUNCTION pg_temp.bench_id(tag text, n int) RETURNS uuid
    LANGUAGE sql IMMUTABLE AS $$ SELECT md5('dossier-bench-' || tag || '-' || n)::uuid $$;

-- What an earlier run made, whatever its size.
CREATE TEMP TABLE earlier ON COMMIT DROP AS
SELECT id FROM article.article WHERE url LIKE 'https://bench.dossier.invalid/articles/%';
DELETE FROM entity.statement WHERE article_id IN (SELECT id FROM earlier);
DELETE FROM entity.document WHERE article_id IN (SELECT id FROM earlier);
DELETE FROM entity.entity WHERE key LIKE 'bench:%';
DELETE FROM article.article WHERE id IN (SELECT id FROM earlier);

INSERT INTO entity.entity (id, key, kind, name, aliases)
SELECT pg_temp.bench_id('country', n), 'bench:country:' || n, 'COUNTRY', 'Benchland ' || n, ARRAY['BL' || n]
FROM generate_series(1, 40) n;

INSERT INTO entity.entity (id, key, kind, name, aliases, country_id, organization_kind)
SELECT pg_temp.bench_id('org', n), 'bench:org:' || n, 'ORGANIZATION',
       (ARRAY['Ministry of Commerce', 'Trade Office', 'Customs Authority', 'Export Control Bureau', 'Cabinet'])[1 + n % 5]
           || ' of Benchland ' || (1 + n % 40),
       ARRAY[]::text[], pg_temp.bench_id('country', 1 + n % 40), 'GOVERNMENT'
FROM generate_series(1, 200) n;

INSERT INTO entity.entity (id, key, kind, name, aliases, control)
SELECT pg_temp.bench_id('control', n), 'bench:control:' || n, 'CONTROL',
       'Benchland ' || (1 + n % 40) || ' ' || (ARRAY['export controls', 'licence requirement', 'tariff', 'ban', 'sanctions'])[1 + n % 5]
           || ' on item group ' || n,
       ARRAY[]::text[],
       jsonb_build_object('measure', (ARRAY['EXPORT_CONTROL', 'LICENSING', 'TARIFF', 'BAN', 'SANCTION'])[1 + n % 5],
                          'imposedById', pg_temp.bench_id('country', 1 + n % 40),
                          'targetIds', jsonb_build_array(pg_temp.bench_id('country', 1 + (n + 7) % 40)),
                          'itemIds', '[]'::jsonb)
FROM generate_series(1, 30) n;

INSERT INTO entity.entity (id, key, kind, name, aliases, country_id, roles)
SELECT pg_temp.bench_id('person', n), 'bench:person:' || n, 'PERSON',
       (ARRAY['Ada', 'Bo', 'Chen', 'Dara', 'Emil', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun'])[1 + n % 10] || ' '
           || (ARRAY['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Ginkgo', 'Hazel', 'Ilex', 'Juniper'])[1 + (n / 10) % 10]
           || ' ' || n,
       ARRAY['Minister ' || n], pg_temp.bench_id('country', 1 + n % 40),
       (SELECT jsonb_agg(jsonb_build_object('title', (ARRAY['Minister', 'Deputy Minister', 'Trade Representative', 'Spokesperson'])[1 + (n + r) % 4],
                                            'organizationId', pg_temp.bench_id('org', 1 + (n * 3 + r) % 200),
                                            'countryId', pg_temp.bench_id('country', 1 + n % 40),
                                            'from', (date '2015-01-01' + (r * 700 + n % 300))::text,
                                            'to', CASE WHEN r < n % 3 THEN (date '2016-12-31' + (r * 700 + n % 300))::text END))
        FROM generate_series(0, n % 3) r)
FROM generate_series(1, :officials) n;

INSERT INTO article.article (id, text, title, url, source, published_at, language, content_hash, received_at,
                             analyzed_at, timelined_at)
SELECT pg_temp.bench_id('article', n),
       'Benchland ' || (1 + n % 40) || ' and Benchland ' || (1 + (n + 7) % 40) || ' discussed item group ' || (1 + n % 30)
           || ' on day ' || n || '. Officials spoke about the measures and what would follow.',
       'Talks on item group ' || (1 + n % 30) || ', report ' || n,
       'https://bench.dossier.invalid/articles/' || n, 'Bench Wire',
       timestamptz '2024-01-01 08:00+00' + n * interval '1 hour', 'en',
       md5('dossier-bench-text-' || n) || md5('dossier-bench-text2-' || n),
       timestamptz '2024-01-01 08:00+00' + n * interval '1 hour', now(), now()
FROM generate_series(1, :articles) n;

INSERT INTO entity.document (article_id, text, published_at, language, analyzed_at, statement_count)
SELECT pg_temp.bench_id('article', n), 'generated', timestamptz '2024-01-01 08:00+00' + n * interval '1 hour', 'en', now(), 5
FROM generate_series(1, :articles) n;

-- Statement n: by official 1 + n % officials, in article 1 + n % articles (5 per article), about one control and every
-- third about a second.
INSERT INTO entity.statement (id, article_id, seq, attributed_to, speaker_id, speaker_kind, cue, content, quote, direct,
                              span_start, span_end, said_from, said_to, said_granularity, about, published_at)
SELECT pg_temp.bench_id('statement', n), pg_temp.bench_id('article', 1 + n % :articles), n / :articles,
       'Minister ' || (1 + n % :officials), pg_temp.bench_id('person', 1 + n % :officials), 'PERSON',
       (ARRAY['said', 'told reporters', 'warned', 'announced', 'stressed'])[1 + n % 5],
       'the measures on item group ' || (1 + n % 30) || ' would ' || (ARRAY['stay', 'be reviewed', 'be eased', 'be widened'])[1 + n % 4]
           || ' (statement ' || n || ')',
       'Minister ' || (1 + n % :officials) || ' said the measures would be reviewed.', n % 4 = 0,
       0, 60, (date '2024-01-01' + (1 + n % :articles) / 24), (date '2024-01-01' + (1 + n % :articles) / 24), 'DAY',
       CASE WHEN n % 3 = 0 THEN ARRAY[pg_temp.bench_id('control', 1 + n % 30), pg_temp.bench_id('control', 1 + (n + 11) % 30)]
            ELSE ARRAY[pg_temp.bench_id('control', 1 + n % 30)] END,
       timestamptz '2024-01-01 08:00+00' + (1 + n % :articles) * interval '1 hour'
FROM generate_series(1, :statements) n;

COMMIT;
ANALYZE entity.entity;
ANALYZE entity.statement;
ANALYZE article.article;

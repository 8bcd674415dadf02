-- Merge candidates by exact keys instead of intersecting three indexes.
--
-- A mention may join an event of its kind whose dates overlap its own and that shares a place or a participant
-- with it. Before, the candidate search ANDed a B-tree scan on (kind, start_date, end_date), which can only bound
-- start_date and so read every event of the kind that began before the mention's end, with GIN scans on places and
-- participants: about 140 + 210 index entries for each single candidate in a store of 300,000 events.
--
-- Each event now carries keys "kind/entity/month", one for every place and participant and every calendar month
-- its dates touch (months counted as year * 12 + month). Two date ranges that overlap share a month, so an event
-- that may merge with a mention shares a key with it; the exact test (dates, entities) follows on the few events
-- found. PL/pgSQL because a SQL function with an aggregate is not inlined and cost 40 µs a call against 3.5 µs.
CREATE FUNCTION timeline_event_merge_keys(kind text, start_date date, end_date date, places uuid[], participants uuid[])
    RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    keys text[] := '{}';
    entity uuid;
    first_month int := extract(year FROM start_date)::int * 12 + extract(month FROM start_date)::int;
    last_month int := extract(year FROM end_date)::int * 12 + extract(month FROM end_date)::int;
BEGIN
    FOREACH entity IN ARRAY places || participants LOOP
        FOR month IN first_month..last_month LOOP
            keys := keys || (kind || '/' || entity || '/' || month);
        END LOOP;
    END LOOP;
    RETURN keys;
END
$$;

CREATE INDEX timeline_event_merge_keys ON timeline_event
    USING gin (timeline_event_merge_keys(kind, start_date, end_date, places, participants)) WITH (fastupdate = off);

-- Only the candidate search used it; every insert and recompute paid for it.
DROP INDEX timeline_event_dates;

-- Every merge updates an event's participants and places, and every mention searches them. With GIN's fast update,
-- new entries wait in a pending list of up to 4 MB that each search reads in full: a candidate lookup took 1.7 ms at
-- 23,000 events, 0.3 ms once written straight into the index (bench/README.md, timeline merging).
ALTER INDEX timeline_event_participants SET (fastupdate = off);
ALTER INDEX timeline_event_places SET (fastupdate = off);
ALTER INDEX timeline_event_controls SET (fastupdate = off);
SELECT gin_clean_pending_list('timeline_event_participants'::regclass);
SELECT gin_clean_pending_list('timeline_event_places'::regclass);
SELECT gin_clean_pending_list('timeline_event_controls'::regclass);

-- The candidate search no longer reads the participants, places and controls indexes (it uses the merge keys,
-- V6__merge_keys.sql), so the reason to write them straight into the tree (V5) is gone, while every new event
-- paid for it: inserting an event took 0.18 ms, 0.09 ms with these in fast-update mode. Only readers of an entity's or
-- a control's timeline scan the pending list; 512 kB bounds that scan. The merge keys stay without a pending list.
ALTER INDEX timeline_event_participants SET (fastupdate = on, gin_pending_list_limit = 512);
ALTER INDEX timeline_event_places SET (fastupdate = on, gin_pending_list_limit = 512);
ALTER INDEX timeline_event_controls SET (fastupdate = on, gin_pending_list_limit = 512);

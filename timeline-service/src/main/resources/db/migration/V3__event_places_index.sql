-- Merge candidates are looked up by kind, date window and shared place or participant (TimelineRepository.candidates).
CREATE INDEX timeline_event_places ON timeline_event USING gin (places);

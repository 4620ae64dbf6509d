CREATE INDEX events_kind_idx ON events (kind);
CREATE TABLE event_archive (LIKE events);

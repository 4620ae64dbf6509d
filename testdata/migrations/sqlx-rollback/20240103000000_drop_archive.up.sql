DROP TABLE event_archive;
-- expect: missing-down-migration 1:1

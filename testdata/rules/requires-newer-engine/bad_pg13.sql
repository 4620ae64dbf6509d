-- zdlint-test: pg-version=13
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
-- expect: requires-newer-engine 2:49
ALTER TABLE documents ADD COLUMN body text COMPRESSION lz4;
-- expect: requires-newer-engine 4:34

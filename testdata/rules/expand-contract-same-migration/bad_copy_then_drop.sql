INSERT INTO archived_events SELECT * FROM events WHERE created_at < '2020-01-01';
DROP TABLE events;
-- expect: expand-contract-same-migration 2:1

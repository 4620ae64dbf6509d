BEGIN;
ALTER TABLE events DETACH PARTITION events_2023;
-- expect: detach-partition-non-concurrent 2:20
DROP TABLE events_2023;
COMMIT;

ALTER TABLE events DETACH PARTITION events_2023;
-- expect: detach-partition-non-concurrent 1:20

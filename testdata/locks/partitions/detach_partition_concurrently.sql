-- locks.md #85 detach_partition_concurrently (+ #140: observed behind an open reader of the parent)
-- oracle: no-transaction
-- oracle: blocker SELECT * FROM events LIMIT 1
-- oracle: blocker SELECT * FROM events_2023 LIMIT 1
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;

-- AccessExclusiveLock on events, and the DEFAULT partition is locked and scanned.
CREATE TABLE events_2026 PARTITION OF events
  FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- expect: create-partition-locks-parent 2:1

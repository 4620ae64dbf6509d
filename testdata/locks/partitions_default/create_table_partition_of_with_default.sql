-- extra (not in locks.md): CREATE TABLE ... PARTITION OF when a DEFAULT partition exists
CREATE TABLE events_2028 PARTITION OF events FOR VALUES FROM ('2028-01-01') TO ('2029-01-01');

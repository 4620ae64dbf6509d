-- locks.md #81 attach_partition_with_valid_check: no scan
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

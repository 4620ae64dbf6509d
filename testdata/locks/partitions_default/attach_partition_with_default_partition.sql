-- locks.md #83 attach_partition_with_default_partition: the DEFAULT partition is AccessExclusive-locked and scanned
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

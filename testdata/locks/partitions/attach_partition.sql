-- locks.md #80 attach_partition: ShareUpdateExclusive on the parent, AccessExclusive + scan on the partition
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- locks.md #84 detach_partition: AccessExclusive on parent and partition
ALTER TABLE events DETACH PARTITION events_2023;

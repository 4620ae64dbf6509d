-- locks.md #82 attach_partition_without_matching_index: index built during ATTACH
ALTER TABLE events ATTACH PARTITION events_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');

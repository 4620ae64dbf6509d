-- locks.md #86 create_table_partition_of: AccessExclusive on the parent
CREATE TABLE events_2028 PARTITION OF events FOR VALUES FROM ('2028-01-01') TO ('2029-01-01');

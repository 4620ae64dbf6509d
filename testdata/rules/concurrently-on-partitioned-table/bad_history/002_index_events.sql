-- events was created PARTITION BY in the previous migration.
CREATE INDEX CONCURRENTLY events_payload_idx ON events (payload);
-- expect: concurrently-on-partitioned-table 2:1

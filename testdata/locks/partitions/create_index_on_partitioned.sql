-- locks.md #87 create_index_on_partitioned: Share on parent and every partition
CREATE INDEX events_payload_idx ON events (payload);

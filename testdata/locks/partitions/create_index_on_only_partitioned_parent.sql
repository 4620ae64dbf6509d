-- locks.md #89 create_index_on_only_partitioned_parent: Share on the parent only
CREATE INDEX events_payload_idx ON ONLY events (payload);

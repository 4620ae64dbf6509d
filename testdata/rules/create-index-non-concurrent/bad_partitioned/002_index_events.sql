-- events is partitioned: CONCURRENTLY is refused there, so the message points to ON ONLY.
CREATE INDEX events_payload_idx ON events (payload);
-- expect: create-index-non-concurrent 2:1

-- ON ONLY the parent is the safe first step: silent.
CREATE INDEX events_created_at_idx ON ONLY events (created_at);

CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2025 (LIKE events INCLUDING ALL);
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- Attaching a partition index is another statement (ALTER INDEX), not this rule.
ALTER INDEX events_created_at_idx ATTACH PARTITION events_2025_created_at_idx;

CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL, payload jsonb)
  PARTITION BY RANGE (created_at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- Loaded outside the partitioned table, to be attached later.
CREATE TABLE events_2025 (LIKE events INCLUDING ALL);

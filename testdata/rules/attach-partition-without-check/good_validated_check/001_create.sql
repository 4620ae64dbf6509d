CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2025 (LIKE events INCLUDING ALL);
ALTER TABLE events_2025 ADD CONSTRAINT events_2025_bound
  CHECK (created_at IS NOT NULL AND created_at >= '2025-01-01' AND created_at < '2026-01-01') NOT VALID;

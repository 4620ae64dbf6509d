-- A NOT VALID check proves nothing: PostgreSQL still scans events_2025.
ALTER TABLE events_2025 ADD CONSTRAINT events_2025_bound
  CHECK (created_at IS NOT NULL AND created_at >= '2025-01-01' AND created_at < '2026-01-01') NOT VALID;

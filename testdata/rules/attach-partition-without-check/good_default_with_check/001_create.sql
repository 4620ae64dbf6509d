CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_default PARTITION OF events DEFAULT;
-- The default partition proves it holds no row from 2025 on.
ALTER TABLE events_default ADD CONSTRAINT events_default_before_2025 CHECK (created_at < '2025-01-01');

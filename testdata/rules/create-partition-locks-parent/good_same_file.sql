CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_default PARTITION OF events DEFAULT;

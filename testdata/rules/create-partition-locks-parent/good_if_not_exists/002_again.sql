-- The partition exists already: PostgreSQL only prints a notice.
CREATE TABLE IF NOT EXISTS events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

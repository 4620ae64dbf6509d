-- events_2025 is new and empty, but the DEFAULT partition is locked and scanned for rows of the new range.
CREATE TABLE events_2025 (LIKE events INCLUDING ALL);
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- expect: attach-partition-without-check 3:20

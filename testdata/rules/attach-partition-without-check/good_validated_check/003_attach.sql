-- The validated CHECK proves the bound: no scan, only a brief AccessExclusiveLock.
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE events_2025 DROP CONSTRAINT events_2025_bound;

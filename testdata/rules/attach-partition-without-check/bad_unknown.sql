-- Neither table was created by the migrations zdlint read.
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- expect: attach-partition-without-check 2:20

-- zdlint-test: pg-version=11
-- Before PostgreSQL 12, ATTACH PARTITION locks the parent AccessExclusive too: reported, with advice that fits.
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- expect: create-partition-locks-parent 3:1

-- zdlint-test: pg-version=11
-- Before PostgreSQL 12 the change rewrites even in UTC.
SET TimeZone = 'UTC';
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz;
-- expect: alter-column-type 4:20

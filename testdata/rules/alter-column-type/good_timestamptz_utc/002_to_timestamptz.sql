-- On PostgreSQL 12+ with the session in UTC, timestamp to timestamptz keeps the stored values.
SET TimeZone = 'UTC';
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz;

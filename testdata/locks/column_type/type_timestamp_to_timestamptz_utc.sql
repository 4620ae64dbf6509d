-- locks.md #27 type_timestamp_to_timestamptz_utc: no rewrite under TimeZone UTC
SET TimeZone = 'UTC';
ALTER TABLE big ALTER COLUMN ts TYPE timestamptz;

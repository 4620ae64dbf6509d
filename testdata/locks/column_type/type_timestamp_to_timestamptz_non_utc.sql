-- locks.md #28 type_timestamp_to_timestamptz_non_utc: rewrite under another TimeZone
SET TimeZone = 'America/New_York';
ALTER TABLE big ALTER COLUMN ts TYPE timestamptz;

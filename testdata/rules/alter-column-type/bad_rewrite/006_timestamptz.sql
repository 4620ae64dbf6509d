-- The session's TimeZone was never set to UTC: every value is converted.
ALTER TABLE accounts ALTER COLUMN created_at TYPE timestamptz;
-- expect: alter-column-type 2:22

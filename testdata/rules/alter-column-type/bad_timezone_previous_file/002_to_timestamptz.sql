-- Each migration runs in a fresh session: the previous file's SET TimeZone does not apply here.
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz;
-- expect: alter-column-type 2:20

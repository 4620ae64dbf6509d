-- SET LOCAL inside the transaction is enough: it lasts until COMMIT.
BEGIN;
SET LOCAL TIME ZONE 'UTC';
ALTER TABLE events ALTER COLUMN logged_at TYPE timestamptz;
COMMIT;

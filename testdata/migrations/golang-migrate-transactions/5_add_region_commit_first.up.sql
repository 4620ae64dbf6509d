-- the COMMIT releases the DDL's lock before the backfill
BEGIN;
ALTER TABLE accounts ADD COLUMN region text;
COMMIT;
UPDATE accounts SET region = 'eu' WHERE id BETWEEN 1 AND 10000;

-- an explicit transaction
BEGIN;
ALTER TABLE accounts ADD COLUMN region text;
UPDATE accounts SET region = 'eu' WHERE id BETWEEN 1 AND 10000;
COMMIT;
-- expect: backfill-in-ddl-transaction 4:1

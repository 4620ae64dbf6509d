-- migrate:up transaction:false
ALTER TABLE accounts ADD COLUMN region text;
UPDATE accounts SET region = 'eu' WHERE id BETWEEN 1 AND 10000;
-- expect: backfill-in-ddl-transaction 3:1

-- migrate:down transaction:false
ALTER TABLE accounts DROP COLUMN region;

-- Up Migration
ALTER TABLE accounts ADD COLUMN tier text;
UPDATE accounts SET tier = plan WHERE id BETWEEN 1 AND 10000;
-- expect: backfill-in-ddl-transaction 3:1

-- Down Migration
ALTER TABLE accounts DROP COLUMN tier;

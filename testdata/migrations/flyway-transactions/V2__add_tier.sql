-- DDL, then a backfill of the same table
ALTER TABLE accounts ADD COLUMN tier text;
UPDATE accounts SET tier = plan WHERE id BETWEEN 1 AND 10000;
-- expect: backfill-in-ddl-transaction 3:1

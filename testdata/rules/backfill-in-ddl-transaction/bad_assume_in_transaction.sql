-- zdlint-test: assume-in-transaction
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN archived boolean;
DELETE FROM orders WHERE created_at < '2015-01-01';
-- expect: backfill-in-ddl-transaction 4:1

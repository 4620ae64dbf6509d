BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN status text;
UPDATE accounts SET status = 'active' WHERE id < 10000;
-- expect: backfill-in-ddl-transaction 4:1
INSERT INTO accounts (id, status) VALUES (1, 'new');
-- expect: backfill-in-ddl-transaction 6:1
-- Another table: its rows are written while accounts stays locked, but not under its own lock.
UPDATE orders SET note = '' WHERE id < 10000;
COMMIT;

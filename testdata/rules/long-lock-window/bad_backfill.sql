BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN status text;
-- Every row is updated while reads and writes of accounts are blocked: an error.
UPDATE accounts SET status = 'active';
-- expect: long-lock-window 5:1
-- Each data change under the lock is reported.
UPDATE accounts SET status = 'closed' WHERE closed_at IS NOT NULL;
-- expect: long-lock-window 8:1
COMMIT;

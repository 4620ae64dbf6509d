BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN status text;
-- Every row is updated while reads and writes of accounts are blocked: an error.
UPDATE accounts SET status = 'active';
-- expect: long-lock-window 5:1
-- Reported once per transaction: a batch after that is not repeated.
UPDATE accounts SET status = 'closed' WHERE closed_at IS NOT NULL;
-- A second full-table backfill is an error again.
UPDATE accounts SET status = 'unknown';
-- expect: long-lock-window 10:1
COMMIT;

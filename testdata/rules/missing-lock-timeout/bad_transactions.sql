BEGIN;
ALTER TABLE accounts ADD COLUMN nickname text;
-- expect: missing-lock-timeout 2:1
-- The transaction already holds AccessExclusiveLock on accounts: no new wait.
ALTER TABLE accounts ADD COLUMN handle text;
-- A lock on another table is a new wait.
ALTER TABLE orders ADD COLUMN note text;
-- expect: missing-lock-timeout 7:1
COMMIT;

-- The transaction is closed, so the CONCURRENTLY statement is not inside it: but sent as one query,
-- the statements after the COMMIT get a new implicit transaction block.
BEGIN;
ALTER TABLE accounts ADD COLUMN handle text;
COMMIT;
DROP INDEX CONCURRENTLY accounts_legacy_idx;
-- expect: concurrently-mixed-with-other-statements 6:1

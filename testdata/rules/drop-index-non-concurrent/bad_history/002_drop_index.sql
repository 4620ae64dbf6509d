BEGIN;
DROP INDEX accounts_email_idx;
-- expect: drop-index-non-concurrent 2:1
COMMIT;

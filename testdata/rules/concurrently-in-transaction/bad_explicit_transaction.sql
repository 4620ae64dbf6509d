BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
-- expect: concurrently-in-transaction 3:1
DROP INDEX CONCURRENTLY accounts_legacy_idx;
-- expect: concurrently-in-transaction 5:1
REINDEX INDEX CONCURRENTLY accounts_pkey;
-- expect: concurrently-in-transaction 7:1
ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
-- expect: concurrently-in-transaction 9:1
VACUUM (ANALYZE) accounts;
-- expect: concurrently-in-transaction 11:1
COMMIT;

-- After the COMMIT there is no transaction any more: these are fine.
CREATE INDEX CONCURRENTLY accounts_name_idx ON accounts (name);
VACUUM accounts;

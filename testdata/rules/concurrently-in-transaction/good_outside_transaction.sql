-- Each of these refuses a transaction block, and none runs in one.
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
DROP INDEX CONCURRENTLY accounts_legacy_idx;
REINDEX TABLE CONCURRENTLY accounts;
VACUUM accounts;

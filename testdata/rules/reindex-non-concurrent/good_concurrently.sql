REINDEX INDEX CONCURRENTLY accounts_email_idx;
REINDEX TABLE CONCURRENTLY accounts;
REINDEX (CONCURRENTLY) TABLE accounts;
REINDEX (CONCURRENTLY true, VERBOSE) SCHEMA app;
REINDEX DATABASE CONCURRENTLY app;
-- System catalogs cannot be reindexed concurrently; nothing to suggest.
REINDEX SYSTEM app;

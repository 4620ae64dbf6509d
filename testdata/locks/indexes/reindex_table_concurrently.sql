-- locks.md #100 reindex_table_concurrently (observed behind an open writer)
-- oracle: no-transaction
-- oracle: blocker INSERT INTO big (id, parent_id, v) VALUES (-1, 1, 'blocker')
REINDEX TABLE CONCURRENTLY big;

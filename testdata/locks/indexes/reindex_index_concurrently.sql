-- locks.md #99 reindex_index_concurrently (+ #139: observed behind an open writer)
-- oracle: no-transaction
-- oracle: blocker INSERT INTO big (id, parent_id, v) VALUES (-1, 1, 'blocker')
REINDEX INDEX CONCURRENTLY big_n_idx;

-- locks.md #96 drop_index_concurrently (+ #138: observed behind an open reader)
-- oracle: no-transaction
-- oracle: blocker SELECT * FROM big WHERE id = 1
DROP INDEX CONCURRENTLY big_n_idx;

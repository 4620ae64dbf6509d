-- locks.md #93 create_index_concurrently (+ #137: observed behind an open writer)
-- oracle: no-transaction
-- oracle: blocker INSERT INTO big (id, parent_id, v) VALUES (-1, 1, 'blocker')
CREATE INDEX CONCURRENTLY big_t_idx ON big (t);

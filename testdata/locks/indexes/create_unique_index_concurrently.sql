-- locks.md #94 create_unique_index_concurrently (observed behind an open writer)
-- oracle: no-transaction
-- oracle: blocker INSERT INTO big (id, parent_id, v) VALUES (-1, 1, 'blocker')
CREATE UNIQUE INDEX CONCURRENTLY big_v_uidx ON big (v);

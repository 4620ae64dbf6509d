-- locks.md #143 create_unique_index_concurrently_fails_on_duplicates: fails after the build (n has duplicates)
-- oracle: no-transaction
-- oracle: expect-error 23505
-- oracle: blocker INSERT INTO big (id, parent_id, v) VALUES (-1, 1, 'blocker')
CREATE UNIQUE INDEX CONCURRENTLY big_n_uidx ON big (n);

-- locks.md #141 validate_fk_with_open_write_txn: finishes beside an open writer
-- oracle: observe
-- oracle: expect-no-wait
-- oracle: blocker INSERT INTO big (id, parent_id, v) VALUES (-1, 1, 'blocker')
ALTER TABLE big VALIDATE CONSTRAINT big_parent_fk;

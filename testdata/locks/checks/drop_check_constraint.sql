-- locks.md #55 drop_check_constraint: catalog-only
ALTER TABLE big DROP CONSTRAINT big_n_nn;

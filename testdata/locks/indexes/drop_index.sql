-- locks.md #95 drop_index: AccessExclusive on index and table
DROP INDEX big_n_idx;

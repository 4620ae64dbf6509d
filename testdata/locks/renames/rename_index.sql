-- locks.md #61 rename_index: ShareUpdateExclusive on the index only (PG12+)
ALTER INDEX big_n_idx RENAME TO big_n_idx2;

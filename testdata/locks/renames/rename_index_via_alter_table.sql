-- extra (not in locks.md): renaming an index with ALTER TABLE instead of ALTER INDEX
ALTER TABLE big_n_idx RENAME TO big_n_idx2;

-- locks.md #18 drop_column_indexed: also drops big_n_idx
ALTER TABLE big DROP COLUMN n;

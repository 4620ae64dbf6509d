-- extra (not in locks.md): ALTER INDEX ... SET (fillfactor)
ALTER INDEX big_n_idx SET (fillfactor = 80);

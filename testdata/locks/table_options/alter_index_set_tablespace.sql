-- extra (not in locks.md): ALTER INDEX ... SET TABLESPACE
ALTER INDEX big_n_idx SET TABLESPACE zdlint_ts;

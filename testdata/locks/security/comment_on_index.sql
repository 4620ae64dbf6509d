-- extra (not in locks.md): COMMENT ON INDEX
COMMENT ON INDEX big_n_idx IS 'hello';

-- extra (not in locks.md): CREATE INDEX IF NOT EXISTS of an index that exists
CREATE INDEX IF NOT EXISTS big_n_idx ON big (n);

-- extra (not in locks.md): ALTER TRIGGER ... RENAME
ALTER TRIGGER big_trg ON big RENAME TO big_trg3;

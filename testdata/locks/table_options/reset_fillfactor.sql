-- extra (not in locks.md): RESET (fillfactor)
ALTER TABLE big RESET (fillfactor);

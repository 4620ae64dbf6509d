-- extra (not in locks.md): ALTER COLUMN RESET (n_distinct)
ALTER TABLE big ALTER COLUMN n RESET (n_distinct);

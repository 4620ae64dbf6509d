-- extra (not in locks.md): ALTER COLUMN TYPE to the type it already has
ALTER TABLE big ALTER COLUMN n TYPE int;

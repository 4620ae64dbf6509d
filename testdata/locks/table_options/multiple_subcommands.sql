-- locks.md #74 multiple_subcommands: strongest lock of the subcommands
ALTER TABLE big ALTER COLUMN n SET STATISTICS 100, ADD COLUMN c1 int;

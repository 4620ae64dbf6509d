-- locks.md #40 set_column_options: ShareUpdateExclusive
ALTER TABLE big ALTER COLUMN n SET (n_distinct = 100);

-- locks.md #59 rename_column
ALTER TABLE big RENAME COLUMN t TO t2;

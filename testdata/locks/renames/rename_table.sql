-- locks.md #60 rename_table
ALTER TABLE big RENAME TO big2;

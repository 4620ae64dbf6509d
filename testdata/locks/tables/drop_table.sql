-- locks.md #127 drop_table: AccessExclusive on the table and its indexes
DROP TABLE big;

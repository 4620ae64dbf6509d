-- locks.md #15 add_column_unique: inline UNIQUE, index build under AccessExclusive
ALTER TABLE big ADD COLUMN c1 int UNIQUE;

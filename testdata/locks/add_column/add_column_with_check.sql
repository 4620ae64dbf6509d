-- locks.md #13 add_column_with_check: inline CHECK, scan under AccessExclusive
ALTER TABLE big ADD COLUMN c1 int CHECK (c1 > 0);

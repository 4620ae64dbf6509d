-- locks.md #142 add_column_not_null_no_default_empty_table (#9's statement; #9 itself fails on a non-empty table)
ALTER TABLE big ADD COLUMN c1 int NOT NULL;

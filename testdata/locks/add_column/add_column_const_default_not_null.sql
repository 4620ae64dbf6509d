-- locks.md #3 add_column_const_default_not_null: NOT NULL with a constant default
ALTER TABLE big ADD COLUMN c1 int NOT NULL DEFAULT 42;

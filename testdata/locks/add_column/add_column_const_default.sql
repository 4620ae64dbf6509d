-- locks.md #2 add_column_const_default: constant default, fast default (PG11+)
ALTER TABLE big ADD COLUMN c1 int DEFAULT 42;

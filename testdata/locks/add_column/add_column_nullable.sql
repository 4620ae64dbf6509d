-- locks.md #1 add_column_nullable: nullable ADD COLUMN, catalog-only
ALTER TABLE big ADD COLUMN c1 int;

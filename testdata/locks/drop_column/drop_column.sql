-- locks.md #17 drop_column: catalog-only
ALTER TABLE big DROP COLUMN t;

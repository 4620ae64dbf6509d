-- locks.md #7 add_column_default_clock_timestamp: volatile default, rewrite
ALTER TABLE big ADD COLUMN c1 timestamptz DEFAULT clock_timestamp();

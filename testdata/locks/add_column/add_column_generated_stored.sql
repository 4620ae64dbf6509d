-- locks.md #10 add_column_generated_stored: stored generated column, rewrite
ALTER TABLE big ADD COLUMN c1 int GENERATED ALWAYS AS (n * 2) STORED;

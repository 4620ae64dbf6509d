-- locks.md #5 add_column_default_now: stable default now(), no rewrite
ALTER TABLE big ADD COLUMN created_at timestamptz DEFAULT now();

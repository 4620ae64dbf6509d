-- locks.md #6 add_column_default_now_not_null: NOT NULL DEFAULT now(), no rewrite
ALTER TABLE big ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

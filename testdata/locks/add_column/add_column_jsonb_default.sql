-- locks.md #4 add_column_jsonb_default: jsonb constant default
ALTER TABLE big ADD COLUMN meta jsonb NOT NULL DEFAULT '{}';

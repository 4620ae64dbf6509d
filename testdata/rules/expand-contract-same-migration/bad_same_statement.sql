ALTER TABLE users ADD COLUMN full_name text, DROP COLUMN name;
-- expect: expand-contract-same-migration 1:46

-- Repeatable: runs after every versioned migration, so the column exists.
CREATE OR REPLACE VIEW account_names AS SELECT id, name FROM accounts;

CREATE TABLE imports (id bigint PRIMARY KEY, raw text, parsed jsonb);
ALTER TABLE imports DROP COLUMN raw;
-- A column added by this migration: nothing depends on it yet.
ALTER TABLE invoices ADD COLUMN scratch text;
ALTER TABLE invoices DROP COLUMN scratch;

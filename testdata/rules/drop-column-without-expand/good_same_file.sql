CREATE TABLE imports (id bigint PRIMARY KEY, raw text, parsed jsonb);
ALTER TABLE imports DROP COLUMN raw;

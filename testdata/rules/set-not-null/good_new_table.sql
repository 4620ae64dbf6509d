CREATE TABLE sessions (id bigint PRIMARY KEY, token text);
-- sessions is new in this migration: empty and unused.
ALTER TABLE sessions ALTER COLUMN token SET NOT NULL;

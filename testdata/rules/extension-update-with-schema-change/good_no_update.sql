-- Creating an extension, or moving a member in or out of one, is not an upgrade.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER EXTENSION pg_trgm DROP FUNCTION similarity(text, text);
CREATE INDEX CONCURRENTLY users_name_trgm_idx ON users USING gin (name gin_trgm_ops);

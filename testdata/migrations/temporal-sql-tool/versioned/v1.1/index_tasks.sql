-- manifest.json lists tasks.sql first; temporal-sql-tool runs statements in autocommit, so
-- CONCURRENTLY works next to another statement.
CREATE INDEX CONCURRENTLY tasks_namespace_idx ON tasks (namespace_id);
CREATE INDEX CONCURRENTLY tasks_id_idx ON tasks (id);

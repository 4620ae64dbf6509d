\set ON_ERROR_STOP on
-- psql's own commands are skipped; a real mistake in the SQL is still reported.
CREATE TABLE authors (id bigint PRIMARY KEY name text);
-- expect: syntax-error 3:45

\set ON_ERROR_STOP on
\echo creating the library schema
CREATE TABLE books (id bigint PRIMARY KEY, title text);

-- A lone CONCURRENTLY statement: golang-migrate adds no transaction and the string holds one statement.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

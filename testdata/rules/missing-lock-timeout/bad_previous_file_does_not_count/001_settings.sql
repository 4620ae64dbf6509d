-- Each file is a fresh session: runners do not promise to reuse the connection.
SET lock_timeout = '2s';
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);

CREATE TABLE accounts (id bigint PRIMARY KEY, email text, name text);
ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL);

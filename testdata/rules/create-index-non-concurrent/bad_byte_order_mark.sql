CREATE INDEX accounts_email_idx ON accounts (email);
-- A UTF-8 byte order mark starts this file: editors and code scanning count no column for it.
-- expect: create-index-non-concurrent 1:1

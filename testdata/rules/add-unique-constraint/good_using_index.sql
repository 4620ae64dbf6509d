-- Build the index without blocking writes, then attach it: a catalog-only change.
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;

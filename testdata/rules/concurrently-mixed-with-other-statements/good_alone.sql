-- Session settings belong with the statement and re-run harmlessly.
SET lock_timeout = '2s';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
RESET statement_timeout;

BEGIN;
SET LOCAL statement_timeout = '1min';
CREATE INDEX accounts_email_idx ON accounts (email);
COMMIT;
-- SET LOCAL ended with the transaction.
CREATE INDEX accounts_name_idx ON accounts (name);
-- expect: missing-statement-timeout 6:1

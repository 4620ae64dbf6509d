SET statement_timeout = '5min';
CREATE INDEX accounts_email_idx ON accounts (email);
BEGIN;
SET LOCAL statement_timeout = '30s';
ALTER TABLE accounts ADD CONSTRAINT accounts_age_check CHECK (age >= 0);
COMMIT;

ALTER TABLE accounts ADD COLUMN email_lower text;
CREATE INDEX CONCURRENTLY accounts_email_lower_idx ON accounts (email_lower);
-- expect: concurrently-mixed-with-other-statements 2:1

-- zdlint-test: assume-in-transaction
-- Inside the runner's transaction the statement fails outright: concurrently-in-transaction reports
-- it, this rule does not repeat it.
ALTER TABLE accounts ADD COLUMN email_lower text;
CREATE INDEX CONCURRENTLY accounts_email_lower_idx ON accounts (email_lower);
-- expect: concurrently-in-transaction 5:1

-- zdlint-test: assume-in-transaction
-- The runner already wraps the file in a transaction.
BEGIN;
-- expect: transaction-nesting 3:1
ALTER TABLE accounts ADD COLUMN plan text;
COMMIT;
-- expect: transaction-nesting 6:1

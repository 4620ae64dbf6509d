-- zdlint-test: assume-in-transaction
ALTER TABLE accounts ADD COLUMN plan text;
ROLLBACK;
-- expect: transaction-nesting 3:1

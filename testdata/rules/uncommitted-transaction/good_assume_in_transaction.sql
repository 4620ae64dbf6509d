-- zdlint-test: assume-in-transaction
-- The runner commits its transaction at the end of the file, so nothing is left open
-- (the nested BEGIN is transaction-nesting's finding).
BEGIN;
ALTER TABLE accounts ADD COLUMN plan text;

ALTER TABLE accounts ADD COLUMN note text, ADD CONSTRAINT accounts_balance_positive CHECK (balance >= 0);
-- expect: add-check-without-not-valid 1:44

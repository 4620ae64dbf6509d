ALTER TABLE accounts ADD CONSTRAINT accounts_balance_positive CHECK (balance >= 0);
-- expect: add-check-without-not-valid 1:22
ALTER TABLE accounts ADD CHECK (char_length(email) < 255);
-- expect: add-check-without-not-valid 3:22

-- zdlint-test: assume-in-transaction
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
-- expect: missing-lock-timeout 2:1

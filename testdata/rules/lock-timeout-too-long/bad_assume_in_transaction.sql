-- zdlint-test: assume-in-transaction
SET LOCAL lock_timeout = '0';
-- expect: lock-timeout-too-long 2:26
ALTER TABLE accounts ADD COLUMN nickname text;

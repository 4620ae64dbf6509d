-- zdlint-test: assume-in-transaction
-- These modes block neither reads nor writes.
LOCK TABLE accounts IN ACCESS SHARE MODE;
LOCK TABLE accounts IN ROW SHARE MODE;
LOCK TABLE accounts IN ROW EXCLUSIVE MODE;
LOCK TABLE accounts IN SHARE UPDATE EXCLUSIVE MODE;

-- zdlint-test: assume-in-transaction
SAVEPOINT before_backfill;
ALTER TABLE accounts ADD COLUMN plan text;
RELEASE SAVEPOINT before_backfill;

-- zdlint-test: assume-in-transaction
-- The runner wraps every file in a transaction, even a file with a single statement.
CREATE UNIQUE INDEX CONCURRENTLY accounts_handle_key ON accounts (handle);
-- expect: concurrently-in-transaction 3:1

-- No transaction: each statement commits and releases its locks.
ALTER TABLE accounts ADD COLUMN status text;
UPDATE accounts SET status = 'active';
ALTER TABLE orders ADD COLUMN note text;

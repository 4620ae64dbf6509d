-- No transaction: the ALTER commits and releases its lock before the UPDATE starts.
ALTER TABLE accounts ADD COLUMN status text;
UPDATE accounts SET status = 'active' WHERE id < 10000;

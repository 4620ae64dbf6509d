-- zdlint-test: assume-in-transaction
-- The runner wraps the file in one transaction: the ADD's ShareRowExclusiveLock on orders and
-- accounts is still held while VALIDATE scans orders.
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
-- expect: validate-in-same-transaction 5:20

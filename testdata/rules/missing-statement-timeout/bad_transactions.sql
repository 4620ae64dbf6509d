-- zdlint-test: assume-in-transaction
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
-- expect: missing-statement-timeout 3:1

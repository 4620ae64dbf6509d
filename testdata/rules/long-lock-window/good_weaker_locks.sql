-- ShareLock (CREATE INDEX) and ShareRowExclusiveLock (ADD FOREIGN KEY) are not AccessExclusiveLock:
-- reads continue.
BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
UPDATE orders SET note = '' WHERE note IS NULL;
COMMIT;
-- Only a SET and the COMMIT after the lock.
BEGIN;
ALTER TABLE accounts ADD COLUMN nickname text;
SET LOCAL statement_timeout = '1s';
COMMIT;

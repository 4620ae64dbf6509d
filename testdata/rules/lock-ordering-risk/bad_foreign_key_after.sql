BEGIN;
ALTER TABLE invoices ADD COLUMN account_id bigint;
-- The foreign key locks accounts in ShareRowExclusiveLock: a second table.
ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
-- expect: lock-ordering-risk 4:1
COMMIT;

-- One statement that locks two tables takes both locks at once: not an ordering between statements.
BEGIN;
ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_account_fk;
COMMIT;

-- NOT VALID: a brief ShareRowExclusiveLock, no scan. VALIDATE (in autocommit here) scans under
-- ShareUpdateExclusiveLock, so reads and writes continue.
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
-- Other constraint kinds are other rules' business.
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;

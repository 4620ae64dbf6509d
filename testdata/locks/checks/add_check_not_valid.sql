-- locks.md #48 add_check_not_valid: AccessExclusive, no scan
ALTER TABLE big ADD CONSTRAINT big_amount_chk CHECK (amount >= 0) NOT VALID;

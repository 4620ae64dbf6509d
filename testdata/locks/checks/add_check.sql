-- locks.md #47 add_check: verification scan under AccessExclusive
ALTER TABLE big ADD CONSTRAINT big_amount_chk CHECK (amount >= 0);

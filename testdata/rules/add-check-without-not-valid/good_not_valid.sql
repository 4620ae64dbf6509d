-- NOT VALID: AccessExclusiveLock for a moment, no scan. VALIDATE (in autocommit here) scans under
-- ShareUpdateExclusiveLock, so reads and writes continue.
ALTER TABLE accounts ADD CONSTRAINT accounts_balance_positive CHECK (balance >= 0) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_balance_positive;

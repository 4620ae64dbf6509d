-- The CHECK validated in an earlier migration proves email IS NOT NULL: PostgreSQL 12+ skips the scan.
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
ALTER TABLE accounts DROP CONSTRAINT accounts_email_not_null;

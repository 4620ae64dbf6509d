-- Flyway orders by version across its locations' subdirectories: this runs second, although
-- checks/ sorts after V3__set_not_null.sql by path.
ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL);

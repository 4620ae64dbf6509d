-- The ShareLock on accounts is replaced by the AccessExclusiveLock of a CREATE TABLE of the same
-- name (which PostgreSQL refuses when accounts exists): the transaction then holds no lock on an
-- older table when it locks invoices, so there is no second one to report.
BEGIN;
LOCK TABLE accounts IN SHARE MODE;
CREATE TABLE accounts (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN note text;
COMMIT;

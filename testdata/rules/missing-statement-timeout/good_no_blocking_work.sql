-- Long but not blocking (ShareUpdateExclusiveLock): a statement_timeout would only make them fail.
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
-- Blocking but catalog-only: missing-lock-timeout's business.
ALTER TABLE accounts ADD COLUMN nickname text;
ALTER TABLE accounts ADD CONSTRAINT accounts_age_check CHECK (age >= 0) NOT VALID;
-- A backfill holds only RowExclusiveLock.
UPDATE accounts SET nickname = name;
-- A new table is empty.
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric);
CREATE INDEX payments_amount_idx ON payments (amount);

-- zdlint-test: assume-in-transaction
-- A table created in this transaction, and locks that let writes through, do not count.
CREATE TABLE plans (id bigint PRIMARY KEY, name text);
ALTER TABLE accounts ADD COLUMN plan_id bigint;
ALTER TABLE plans ADD COLUMN price numeric;
CREATE INDEX plans_name_idx ON plans (name);
ALTER TABLE subscriptions VALIDATE CONSTRAINT subscriptions_account_fk;
UPDATE subscriptions SET plan = 'free' WHERE plan IS NULL;
COMMENT ON TABLE invoices IS 'billing';

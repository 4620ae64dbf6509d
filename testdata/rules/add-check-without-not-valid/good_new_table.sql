CREATE TABLE ledgers (id bigint PRIMARY KEY, balance numeric NOT NULL);
-- ledgers is new in this migration: empty and unused.
ALTER TABLE ledgers ADD CONSTRAINT ledgers_balance_positive CHECK (balance >= 0);

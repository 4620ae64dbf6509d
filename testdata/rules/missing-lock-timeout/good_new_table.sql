-- Created by this migration: no other transaction can hold a lock on it.
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric NOT NULL);
ALTER TABLE payments ADD COLUMN currency text;
CREATE INDEX payments_amount_idx ON payments (amount);
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;

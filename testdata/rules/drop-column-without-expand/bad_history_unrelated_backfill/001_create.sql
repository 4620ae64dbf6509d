CREATE TABLE invoices (id bigint PRIMARY KEY, payment_ref text, note text);
ALTER TABLE invoices ADD COLUMN payment_id bigint;
-- A backfill that does not read payment_ref is no expand for it.
UPDATE invoices SET payment_id = id WHERE id < 10000;

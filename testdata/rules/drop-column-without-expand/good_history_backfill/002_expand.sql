-- Expand: the replacement column, backfilled from the old one (in batches).
ALTER TABLE invoices ADD COLUMN payment_id bigint;
UPDATE invoices SET payment_id = payment_ref::bigint WHERE id BETWEEN 1 AND 10000;

ALTER TABLE orders ADD COLUMN total numeric;
ALTER TABLE orders DROP COLUMN total_cents;

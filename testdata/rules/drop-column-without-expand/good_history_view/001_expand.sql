ALTER TABLE orders ADD COLUMN total_cents bigint;
CREATE VIEW orders_compat AS SELECT id, total_cents / 100.0 AS total FROM orders;

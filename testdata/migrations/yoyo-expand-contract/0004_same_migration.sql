-- depends: 0001_create
ALTER TABLE orders ADD COLUMN total_cents bigint;
UPDATE orders SET total_cents = total * 100 WHERE id BETWEEN 1 AND 10000;
ALTER TABLE orders DROP COLUMN total;
-- expect: expand-contract-same-migration 4:20
-- expect: drop-column-without-expand 4:20

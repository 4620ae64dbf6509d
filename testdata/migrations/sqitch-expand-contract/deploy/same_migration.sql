-- Deploy shop:same_migration to pg
-- requires: create

BEGIN;
ALTER TABLE orders ADD COLUMN total_cents bigint;
UPDATE orders SET total_cents = total * 100 WHERE id BETWEEN 1 AND 10000;
ALTER TABLE orders DROP COLUMN total;
COMMIT;
-- expect: expand-contract-same-migration 7:20
-- expect: drop-column-without-expand 7:20

-- The constraint is older, but ADD COLUMN earlier in this transaction holds AccessExclusiveLock on
-- orders: the VALIDATE scan now blocks reads and writes.
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
-- expect: validate-in-same-transaction 5:20
COMMIT;

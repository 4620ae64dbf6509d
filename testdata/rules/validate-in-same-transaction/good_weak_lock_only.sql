BEGIN;
-- VALIDATE of two constraints in one transaction: each takes only ShareUpdateExclusiveLock, which
-- does not stop reads or writes.
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
COMMIT;

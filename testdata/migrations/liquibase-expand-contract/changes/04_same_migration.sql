--liquibase formatted sql

--changeset ann:4
ALTER TABLE orders ADD COLUMN total_cents bigint;
UPDATE orders SET total_cents = total * 100 WHERE id BETWEEN 1 AND 10000;
ALTER TABLE orders DROP COLUMN total;
-- expect: expand-contract-same-migration 6:20
-- expect: drop-column-without-expand 6:20
--rollback ALTER TABLE orders ADD COLUMN total numeric;
--rollback ALTER TABLE orders DROP COLUMN total_cents;

--! Previous: sha1:3333333333333333333333333333333333333333
--! Hash: sha1:4444444444444444444444444444444444444444
--! Message: expand and contract at once

ALTER TABLE orders ADD COLUMN total_cents bigint;
UPDATE orders SET total_cents = total * 100 WHERE id BETWEEN 1 AND 10000;
ALTER TABLE orders DROP COLUMN total;
-- expect: expand-contract-same-migration 7:20
-- expect: drop-column-without-expand 7:20

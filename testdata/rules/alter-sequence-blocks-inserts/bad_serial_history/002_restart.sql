BEGIN;
-- The sequence behind orders.id: every INSERT into orders waits until COMMIT.
ALTER SEQUENCE orders_id_seq RESTART WITH 1000000;
-- expect: alter-sequence-blocks-inserts 3:1
UPDATE orders SET total = round(total, 2) WHERE id < 1000;
COMMIT;

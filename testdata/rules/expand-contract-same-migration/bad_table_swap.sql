CREATE TABLE orders_new (LIKE orders INCLUDING ALL);
INSERT INTO orders_new SELECT * FROM orders WHERE id < 1000000;
ALTER TABLE orders RENAME TO orders_old;
-- expect: expand-contract-same-migration 3:1
ALTER TABLE orders_new RENAME TO orders;
DROP TABLE orders_old;
-- expect: expand-contract-same-migration 6:1

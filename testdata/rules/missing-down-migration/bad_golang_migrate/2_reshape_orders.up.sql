-- no 2_reshape_orders.down.sql: every change to what 1_ deployed is flagged
DROP INDEX orders_status_idx;
-- expect: missing-down-migration 2:1
ALTER TABLE orders RENAME COLUMN note TO remark;
-- expect: missing-down-migration 4:1
ALTER TABLE orders ALTER COLUMN total TYPE bigint;
-- expect: missing-down-migration 6:1
DELETE FROM orders;
-- expect: missing-down-migration 8:1
  TRUNCATE orders;
-- expect: missing-down-migration 10:3
-- not destructive: bounded deletes, and what this file itself adds
DELETE FROM orders WHERE status = 'test';
ALTER TABLE orders ADD COLUMN scratch int;
ALTER TABLE orders DROP COLUMN scratch;
CREATE INDEX orders_total_idx ON orders (total);
DROP INDEX orders_total_idx;
CREATE TABLE tmp_orders (id bigint);
DROP TABLE tmp_orders;

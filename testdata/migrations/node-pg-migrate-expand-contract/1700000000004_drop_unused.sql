-- Up Migration
ALTER TABLE carts DROP COLUMN coupon;
DROP TABLE legacy_audit;
-- expect: drop-column-without-expand 2:19
-- expect: drop-table-without-expand 3:1

-- Down Migration
CREATE TABLE legacy_audit (id bigint PRIMARY KEY, note text);
ALTER TABLE carts ADD COLUMN coupon text;

-- depends: 0001_create
ALTER TABLE carts DROP COLUMN coupon;
DROP TABLE legacy_audit;
-- expect: drop-column-without-expand 2:19
-- expect: drop-table-without-expand 3:1

ALTER TABLE carts DROP COLUMN coupon;
DROP TABLE legacy_audit;
-- expect: drop-column-without-expand 1:19
-- expect: drop-table-without-expand 2:1

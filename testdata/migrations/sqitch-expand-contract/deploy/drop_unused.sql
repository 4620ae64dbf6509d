-- Deploy shop:drop_unused to pg
-- requires: create

BEGIN;
ALTER TABLE carts DROP COLUMN coupon;
DROP TABLE legacy_audit;
COMMIT;
-- expect: drop-column-without-expand 5:19
-- expect: drop-table-without-expand 6:1

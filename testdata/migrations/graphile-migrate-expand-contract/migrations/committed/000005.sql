--! Previous: sha1:4444444444444444444444444444444444444444
--! Hash: sha1:5555555555555555555555555555555555555555
--! Message: drop unused

ALTER TABLE carts DROP COLUMN coupon;
DROP TABLE legacy_audit;
-- expect: drop-column-without-expand 5:19
-- expect: drop-table-without-expand 6:1

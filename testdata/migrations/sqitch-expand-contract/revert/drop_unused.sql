-- Revert shop:drop_unused from pg

BEGIN;
CREATE TABLE legacy_audit (id bigint PRIMARY KEY, note text);
ALTER TABLE carts ADD COLUMN coupon text;
COMMIT;

--liquibase formatted sql

--changeset ann:5
ALTER TABLE carts DROP COLUMN coupon;
DROP TABLE legacy_audit;
-- expect: drop-column-without-expand 4:19
-- expect: drop-table-without-expand 5:1
--rollback CREATE TABLE legacy_audit (id bigint PRIMARY KEY, note text);
--rollback ALTER TABLE carts ADD COLUMN coupon text;

--liquibase formatted sql
--changeset ana:1
ALTER TABLE orders DROP COLUMN legacy;
--rollback ALTER TABLE orders ADD COLUMN legacy text;

--liquibase formatted sql
--changeset ana:1
ALTER TABLE orders DROP COLUMN legacy;
-- expect: missing-down-migration 3:1

--liquibase formatted sql

--changeset ann:3
-- no rollback lines in this changeset
ALTER TABLE accounts DROP COLUMN legacy;
-- expect: missing-down-migration 5:1

--liquibase formatted sql

--changeset ann:4
ALTER TABLE accounts RENAME COLUMN plan TO tier;
--rollback ALTER TABLE accounts RENAME COLUMN tier TO plan;

--liquibase formatted sql

--changeset ann:1
CREATE TABLE accounts (id bigint PRIMARY KEY, legacy text, plan text);
--rollback DROP TABLE accounts;

--liquibase formatted sql

--changeset ann:3
ALTER TABLE users DROP COLUMN email;
DROP TABLE reports;
--rollback CREATE TABLE reports (id bigint PRIMARY KEY, body text);
--rollback ALTER TABLE users ADD COLUMN email text;

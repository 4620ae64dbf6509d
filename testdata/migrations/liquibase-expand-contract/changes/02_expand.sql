--liquibase formatted sql

--changeset ann:2
ALTER TABLE users ADD COLUMN email_address text;
UPDATE users SET email_address = email WHERE id BETWEEN 1 AND 10000;
CREATE TABLE reports_v2 (LIKE reports INCLUDING ALL);
INSERT INTO reports_v2 SELECT * FROM reports WHERE id BETWEEN 1 AND 10000;
--rollback DROP TABLE reports_v2;
--rollback ALTER TABLE users DROP COLUMN email_address;

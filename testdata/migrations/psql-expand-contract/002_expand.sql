\set ON_ERROR_STOP on
ALTER TABLE users ADD COLUMN email_address text;
UPDATE users SET email_address = email WHERE id BETWEEN 1 AND 10000;
CREATE TABLE reports_v2 (LIKE reports INCLUDING ALL);
INSERT INTO reports_v2 SELECT * FROM reports WHERE id BETWEEN 1 AND 10000;

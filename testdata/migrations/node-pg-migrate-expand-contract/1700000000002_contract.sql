-- Up Migration
ALTER TABLE users DROP COLUMN email;
DROP TABLE reports;

-- Down Migration
CREATE TABLE reports (id bigint PRIMARY KEY, body text);
ALTER TABLE users ADD COLUMN email text;

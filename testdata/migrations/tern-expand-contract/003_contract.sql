-- contract: the expand shipped in an earlier migration
ALTER TABLE users DROP COLUMN email;
DROP TABLE reports;
---- create above / drop below ----
CREATE TABLE reports (id bigint PRIMARY KEY, body text);
ALTER TABLE users ADD COLUMN email text;

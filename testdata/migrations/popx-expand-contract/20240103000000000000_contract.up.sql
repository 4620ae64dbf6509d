-- contract: the expand shipped in an earlier migration
ALTER TABLE users DROP COLUMN email;
DROP TABLE reports;

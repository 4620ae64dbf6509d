-- depends: 0002_expand
ALTER TABLE users DROP COLUMN email;
DROP TABLE reports;

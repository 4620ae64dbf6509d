ALTER TABLE users DROP COLUMN email;
DROP TABLE legacy_sessions;

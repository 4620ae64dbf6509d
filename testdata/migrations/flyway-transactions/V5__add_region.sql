-- V5__add_region.sql.conf: executeInTransaction=false
ALTER TABLE accounts ADD COLUMN region text;
UPDATE accounts SET region = 'eu' WHERE id BETWEEN 1 AND 10000;

-- Deploy shop:contract to pg
-- requires: expand

BEGIN;
ALTER TABLE users DROP COLUMN email;
DROP TABLE reports;
COMMIT;

-- Revert shop:expand from pg

BEGIN;
DROP TABLE reports_v2;
ALTER TABLE users DROP COLUMN email_address;
COMMIT;

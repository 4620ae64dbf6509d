-- Revert shop:contract from pg

BEGIN;
CREATE TABLE reports (id bigint PRIMARY KEY, body text);
ALTER TABLE users ADD COLUMN email text;
COMMIT;

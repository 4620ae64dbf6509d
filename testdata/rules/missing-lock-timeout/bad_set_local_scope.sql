-- SET LOCAL outside a transaction block does nothing (PostgreSQL only warns).
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN nickname text;
-- expect: missing-lock-timeout 3:1

-- SET LOCAL ends with its transaction.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN handle text;
COMMIT;
ALTER TABLE accounts ADD COLUMN avatar_url text;
-- expect: missing-lock-timeout 11:1

-- A ROLLBACK undoes a plain SET made inside the transaction too.
BEGIN;
SET lock_timeout = '2s';
ROLLBACK;
ALTER TABLE accounts ADD COLUMN locale text;
-- expect: missing-lock-timeout 18:1

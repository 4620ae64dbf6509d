-- Verify shop:same_migration on pg

BEGIN;
SELECT 1;
ROLLBACK;

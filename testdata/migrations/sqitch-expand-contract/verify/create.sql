-- Verify shop:create on pg

BEGIN;
SELECT 1;
ROLLBACK;

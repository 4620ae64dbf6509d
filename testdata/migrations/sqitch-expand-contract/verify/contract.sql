-- Verify shop:contract on pg

BEGIN;
SELECT 1;
ROLLBACK;

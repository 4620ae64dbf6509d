-- Verify shop:drop_unused on pg

BEGIN;
SELECT 1;
ROLLBACK;

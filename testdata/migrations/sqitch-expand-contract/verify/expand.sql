-- Verify shop:expand on pg

BEGIN;
SELECT 1;
ROLLBACK;

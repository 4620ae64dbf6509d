-- Verify shop:not_null on pg
BEGIN;
SELECT 1/count(*) FROM customers;
ROLLBACK;

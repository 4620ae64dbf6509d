-- Verify shop:tables on pg
BEGIN;
SELECT 1/count(*) FROM customers;
ROLLBACK;

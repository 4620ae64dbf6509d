-- Verify shop:email_index on pg
BEGIN;
SELECT 1/count(*) FROM customers;
ROLLBACK;

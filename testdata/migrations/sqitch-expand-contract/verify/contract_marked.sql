-- Verify shop:contract_marked on pg

BEGIN;
SELECT 1;
ROLLBACK;

-- Revert shop:tables from pg
\set ON_ERROR_STOP on
BEGIN;
SELECT 1;
COMMIT;

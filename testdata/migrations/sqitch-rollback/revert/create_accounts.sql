-- Revert bank:create_accounts from pg
-- reverts its deploy exactly: silent

BEGIN;
DROP TABLE accounts;
COMMIT;

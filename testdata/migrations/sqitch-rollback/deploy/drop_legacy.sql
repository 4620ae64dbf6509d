-- Deploy bank:drop_legacy to pg
-- requires: create_accounts
-- no revert/drop_legacy.sql: sqitch cannot revert this change

BEGIN;
ALTER TABLE accounts DROP COLUMN legacy;
COMMIT;
-- expect: missing-down-migration 6:1

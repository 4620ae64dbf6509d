-- Deploy bank:rename_plan to pg
-- requires: create_accounts

BEGIN;
ALTER TABLE accounts RENAME COLUMN plan TO tier;
COMMIT;

-- Revert bank:rename_plan from pg

BEGIN;
ALTER TABLE accounts RENAME COLUMN tier TO plan;
COMMIT;

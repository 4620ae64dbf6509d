-- Deploy shop:not_null to pg
-- requires: tables

BEGIN;
-- sqitch.plan deploys tables first: its validated CHECK proves email IS NOT NULL.
ALTER TABLE customers
  ALTER COLUMN email SET NOT NULL,
  ALTER COLUMN phone SET NOT NULL;
COMMIT;
-- expect: set-not-null 8:3

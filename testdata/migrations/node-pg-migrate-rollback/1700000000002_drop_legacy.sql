-- Up Migration
-- no Down Migration section
ALTER TABLE accounts DROP COLUMN legacy;
-- expect: missing-down-migration 3:1

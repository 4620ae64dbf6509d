-- no 20240103000000000000_drop_legacy.down.sql next to it
ALTER TABLE accounts DROP COLUMN legacy;
-- expect: missing-down-migration 2:1

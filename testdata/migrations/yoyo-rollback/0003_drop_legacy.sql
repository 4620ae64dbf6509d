-- depends: 0002_add_nickname
-- no 0003_drop_legacy.rollback.sql next to it
ALTER TABLE accounts DROP COLUMN legacy;
-- expect: missing-down-migration 3:1

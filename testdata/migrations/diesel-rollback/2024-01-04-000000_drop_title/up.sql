-- no down.sql in this directory
ALTER TABLE posts DROP COLUMN title;
-- expect: missing-down-migration 2:1

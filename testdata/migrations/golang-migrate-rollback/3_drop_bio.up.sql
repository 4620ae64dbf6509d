-- no 3_drop_bio.down.sql next to it
ALTER TABLE users DROP COLUMN bio;
-- expect: missing-down-migration 2:1

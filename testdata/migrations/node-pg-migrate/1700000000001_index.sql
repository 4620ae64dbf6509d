-- Up Migration
CREATE INDEX CONCURRENTLY tags_name_idx ON tags (name);
-- expect: concurrently-in-transaction 2:1

-- Down Migration
DROP INDEX CONCURRENTLY tags_name_idx;

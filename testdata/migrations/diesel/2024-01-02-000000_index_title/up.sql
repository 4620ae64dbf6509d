CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);
-- expect: concurrently-in-transaction 1:1

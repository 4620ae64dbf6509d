--! Previous: sha1:1111111111111111111111111111111111111111
--! Hash: sha1:2222222222222222222222222222222222222222
--! Message: index title

CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);
-- expect: concurrently-in-transaction 5:1

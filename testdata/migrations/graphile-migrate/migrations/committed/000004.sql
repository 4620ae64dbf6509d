--! Previous: sha1:3333333333333333333333333333333333333333
--! Hash: sha1:4444444444444444444444444444444444444444
--! Message: two statements are one implicit transaction

--! no-transaction
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY posts_title_id_idx ON posts (title, id);
-- expect: concurrently-in-transaction 7:1

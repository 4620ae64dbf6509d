--! Previous: sha1:2222222222222222222222222222222222222222
--! Hash: sha1:3333333333333333333333333333333333333333
--! Message: index id and title outside the transaction

--! no-transaction
CREATE INDEX CONCURRENTLY posts_id_title_idx ON posts (id, title);

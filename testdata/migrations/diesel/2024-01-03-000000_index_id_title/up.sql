CREATE INDEX CONCURRENTLY posts_id_title_idx ON posts (id, title);

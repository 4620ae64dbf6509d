CREATE INDEX CONCURRENTLY sessions_id_token_idx ON sessions (id, token);
-- expect: concurrently-in-transaction 1:1

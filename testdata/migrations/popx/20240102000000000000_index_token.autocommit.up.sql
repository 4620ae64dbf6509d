CREATE INDEX CONCURRENTLY sessions_token_idx ON sessions (token);

SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);
-- expect: concurrently-in-transaction 2:1

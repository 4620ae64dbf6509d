CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts (email);
-- expect: concurrently-if-not-exists 1:27

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_handle_key ON public.accounts (handle);
-- expect: concurrently-if-not-exists 4:34

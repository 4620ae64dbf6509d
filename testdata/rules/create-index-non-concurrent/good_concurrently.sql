CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_handle_key ON public.accounts (handle);

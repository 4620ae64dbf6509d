DROP INDEX CONCURRENTLY accounts_email_idx;
DROP INDEX CONCURRENTLY IF EXISTS public.accounts_name_idx;

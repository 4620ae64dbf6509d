-- accounts_email_idx was not created by these migrations: assumed to sit on a large, busy table.
DROP INDEX accounts_email_idx;
-- expect: drop-index-non-concurrent 2:1

DROP INDEX IF EXISTS public.accounts_name_idx, public.accounts_handle_idx CASCADE;
-- expect: drop-index-non-concurrent 5:1

DO $$
BEGIN
  DROP INDEX IF EXISTS accounts_legacy_idx;
END
$$;
-- expect: drop-index-non-concurrent 10:3

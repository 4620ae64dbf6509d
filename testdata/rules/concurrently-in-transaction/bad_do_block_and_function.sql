DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'accounts_email_idx') THEN
    CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
  END IF;
END
$$;
-- expect: concurrently-in-transaction 4:5

CREATE FUNCTION nightly_maintenance() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  VACUUM accounts;
END
$$;
-- expect: concurrently-in-transaction 12:3

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'accounts_email_idx') THEN
    CREATE INDEX accounts_email_idx ON accounts (email);
  END IF;
END $$;
-- expect: create-index-non-concurrent 4:5

DO 'BEGIN EXECUTE ''CREATE INDEX accounts_name_idx ON accounts (name)''; END';
-- expect: create-index-non-concurrent 9:21

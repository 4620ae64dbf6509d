-- libpg_query's PL/pgSQL looks no type up: zdlint gives records, cursors and a bare RETURN NEXT
-- what PostgreSQL does, so these bodies compile and the statements in them are checked.
DO $$
DECLARE
  pending CURSOR FOR SELECT id FROM accounts WHERE email IS NULL;
  batch refcursor;
  row_seen record;
BEGIN
  FOR row_seen IN pending LOOP
    row_seen.id := row_seen.id + 1;
  END LOOP;
  OPEN batch FOR SELECT id FROM accounts;
  CLOSE batch;
  CREATE INDEX accounts_email_idx ON accounts (email);
END $$;
-- expect: create-index-non-concurrent 14:3

CREATE FUNCTION accounts_without_email() RETURNS TABLE (id bigint) LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX accounts_name_idx ON accounts (name);
  FOR id IN SELECT a.id FROM accounts a WHERE a.email IS NULL LOOP
    RETURN NEXT;
  END LOOP;
END $$;
-- expect: create-index-non-concurrent 20:3

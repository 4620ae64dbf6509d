DO $$ BEGIN /* CREATE INDEX ON accounts (email) */ CREATE INDEX ON accounts (email); CREATE INDEX ON accounts (email); END $$;
DO $$ BEGIN EXECUTE 'CREATE INDEX ON accounts (name)'; EXECUTE 'CREATE INDEX ON accounts (name)'; END $$;
-- PL/pgSQL says only which line a statement is on: each is found after the one before it, and
-- never inside a comment or a string.
-- expect: create-index-non-concurrent 1:52
-- expect: create-index-non-concurrent 1:86
-- expect: create-index-non-concurrent 2:22
-- expect: create-index-non-concurrent 2:65

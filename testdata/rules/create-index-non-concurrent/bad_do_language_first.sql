-- DO takes its language before or after the body, as a name or as a string: the body is the
-- string that does not name the language.
DO LANGUAGE 'plpgsql' $$ BEGIN CREATE INDEX accounts_email_idx ON accounts (email); END $$;
-- expect: create-index-non-concurrent 3:32

DO LANGUAGE plpgsql $$ BEGIN CREATE INDEX accounts_name_idx ON accounts (name); END $$;
-- expect: create-index-non-concurrent 6:30

DO $$ BEGIN CREATE INDEX accounts_created_idx ON accounts (created_at); END $$ LANGUAGE 'plpgsql';
-- expect: create-index-non-concurrent 9:13

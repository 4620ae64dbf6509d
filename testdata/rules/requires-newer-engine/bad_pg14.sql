-- zdlint-test: pg-version=14
MERGE INTO accounts a USING incoming i ON a.id = i.id
WHEN MATCHED THEN UPDATE SET email = i.email;
-- expect: requires-newer-engine 2:1
CREATE UNIQUE INDEX CONCURRENTLY accounts_ref_idx ON accounts (ref) NULLS NOT DISTINCT;
-- expect: requires-newer-engine 5:69
ALTER TABLE accounts ADD CONSTRAINT accounts_ref_key UNIQUE NULLS NOT DISTINCT (ref);
-- expect: requires-newer-engine 7:26
ALTER TABLE accounts SET ACCESS METHOD heap;
-- expect: requires-newer-engine 9:26
SELECT id FROM accounts WHERE regexp_like(email, '@example\.com$');
-- expect: requires-newer-engine 11:31

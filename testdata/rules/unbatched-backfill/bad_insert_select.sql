CREATE TABLE accounts_archive (id bigint PRIMARY KEY, email text);
-- A new table, filled from every row of a pre-existing one.
INSERT INTO accounts_archive SELECT id, email FROM accounts;
-- expect: unbatched-backfill 3:1

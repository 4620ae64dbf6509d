-- accounts was not created by these migrations: the old type is unknown, a rewrite is assumed (warning).
ALTER TABLE accounts ALTER COLUMN email TYPE text;
-- expect: alter-column-type 2:22

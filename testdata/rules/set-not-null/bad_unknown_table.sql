-- accounts was not created by these migrations: assumed large and busy, and nothing proves email non-null.
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
-- expect: set-not-null 2:22
ALTER TABLE accounts ALTER "Display Name" SET NOT NULL;
-- expect: set-not-null 4:22

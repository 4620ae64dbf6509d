-- A domain without constraints is as free as its base type.
ALTER TABLE accounts ADD COLUMN contact email;
-- posint lost its only CHECK in the previous migration.
ALTER TABLE accounts ADD COLUMN quota posint;
-- An array of a domain is not a domain: PostgreSQL does not check it row by row.
ALTER TABLE accounts ADD COLUMN scores score[];
-- A type the migrations never created: nothing is known about it, so nothing is claimed.
ALTER TABLE accounts ADD COLUMN zip us_zip;

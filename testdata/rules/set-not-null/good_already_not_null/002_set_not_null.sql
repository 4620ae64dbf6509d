-- email is NOT NULL already: nothing to verify.
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;

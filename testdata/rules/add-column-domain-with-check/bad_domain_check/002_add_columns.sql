-- accounts was not created by these migrations: it is assumed large and busy.
ALTER TABLE accounts ADD COLUMN quota posint;
-- expect: add-column-domain-with-check 2:33
ALTER TABLE accounts ADD COLUMN zip zip_code;
-- expect: add-column-domain-with-check 4:33
ALTER TABLE accounts ADD COLUMN nickname required_text DEFAULT 'anonymous';
-- expect: add-column-domain-with-check 6:33

ALTER TABLE users ADD COLUMN email_new text;
ALTER TABLE users RENAME COLUMN email TO email_old;
-- expect: expand-contract-same-migration 2:1
-- Renaming the new column into place contracts nothing deployed.
ALTER TABLE users RENAME COLUMN email_new TO email;

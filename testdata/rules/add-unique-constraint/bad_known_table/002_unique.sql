ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE NULLS NOT DISTINCT (email) DEFERRABLE;
-- expect: add-unique-constraint 1:22

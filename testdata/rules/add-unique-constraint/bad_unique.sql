ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
-- expect: add-unique-constraint 1:22
ALTER TABLE accounts ADD UNIQUE (tenant_id, handle);
-- expect: add-unique-constraint 3:22

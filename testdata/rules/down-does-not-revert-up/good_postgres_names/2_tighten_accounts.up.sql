-- Both replaced by the names PostgreSQL gave them.
ALTER TABLE accounts DROP CONSTRAINT accounts_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_check CHECK (credit >= 0 AND debit >= 0 AND credit + debit < 1000000);
DROP INDEX accounts_lower_idx;
CREATE INDEX accounts_lower_idx ON accounts (lower(email)) WHERE email IS NOT NULL;

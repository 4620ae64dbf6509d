-- Each put back as it was.
ALTER TABLE accounts DROP CONSTRAINT accounts_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_check CHECK (credit >= 0 AND debit >= 0);
DROP INDEX accounts_lower_idx;
CREATE INDEX accounts_lower_idx ON accounts (lower(email));

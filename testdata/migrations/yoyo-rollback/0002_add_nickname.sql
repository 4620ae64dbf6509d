-- depends: 0001_create_accounts
ALTER TABLE accounts ADD COLUMN nickname text;
CREATE INDEX accounts_nickname_idx ON accounts (nickname);

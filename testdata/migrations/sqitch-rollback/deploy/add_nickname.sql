-- Deploy bank:add_nickname to pg
-- requires: create_accounts

BEGIN;
ALTER TABLE accounts ADD COLUMN nickname text;
CREATE INDEX accounts_nickname_idx ON accounts (nickname);
COMMIT;

-- Up Migration
ALTER TABLE accounts ADD COLUMN nickname text;
CREATE INDEX accounts_nickname_idx ON accounts (nickname);

-- Down Migration
-- drops the index but leaves the column behind
DROP INDEX accounts_nickname_idx;
-- expect: down-does-not-revert-up 7:1

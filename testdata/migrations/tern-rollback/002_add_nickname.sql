ALTER TABLE accounts ADD COLUMN nickname text;
CREATE INDEX accounts_nickname_idx ON accounts (nickname);
---- create above / drop below ----
-- drops the index but leaves the column behind
DROP INDEX accounts_nickname_idx;
-- expect: down-does-not-revert-up 5:1

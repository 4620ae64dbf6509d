-- drops the index but leaves the column behind
DROP INDEX accounts_nickname_idx;
-- expect: down-does-not-revert-up 2:1

-- drops the index but leaves the column behind
DROP INDEX users_name_idx;
-- expect: down-does-not-revert-up 2:1

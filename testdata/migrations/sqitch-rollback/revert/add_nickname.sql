-- Revert bank:add_nickname from pg
-- drops the index but leaves the column behind

BEGIN;
DROP INDEX accounts_nickname_idx;
COMMIT;
-- expect: down-does-not-revert-up 4:1

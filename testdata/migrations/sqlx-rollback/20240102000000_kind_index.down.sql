DROP INDEX events_kind_idx;
-- expect: down-does-not-revert-up 1:1

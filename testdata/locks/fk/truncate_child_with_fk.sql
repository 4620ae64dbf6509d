-- locks.md #108 truncate_child_with_fk: referencing side, parent not locked
-- oracle: new-filenode-without-rewrite
TRUNCATE big;

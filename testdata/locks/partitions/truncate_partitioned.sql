-- extra (not in locks.md): TRUNCATE of a partitioned table
-- oracle: new-filenode-without-rewrite
TRUNCATE events;

-- locks.md #107 truncate: new empty relfilenode, no data copied
-- oracle: new-filenode-without-rewrite
TRUNCATE big;

-- locks.md #133 lock_table_share: Share
LOCK TABLE big IN SHARE MODE;

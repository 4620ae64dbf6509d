-- extra (not in locks.md): LOCK TABLE recurses to nested partitions
LOCK TABLE m IN SHARE MODE;

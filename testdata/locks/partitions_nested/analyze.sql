-- extra (not in locks.md): ANALYZE of a partitioned table samples every partition
ANALYZE m;

-- extra (not in locks.md): DROP TABLE of a partitioned table drops nested partitions and their indexes
DROP TABLE m;

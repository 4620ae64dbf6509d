-- extra (not in locks.md): UPDATE of a partitioned table without WHERE: every partition and its indexes, none of the partitioned indexes
UPDATE m SET v = 3;

-- extra (not in locks.md): UPDATE ONLY of a partitioned table: the table alone, and its own index
UPDATE ONLY m SET v = 3;

-- extra (not in locks.md): SELECT FROM ONLY a partitioned table: the table alone
SELECT * FROM ONLY m;

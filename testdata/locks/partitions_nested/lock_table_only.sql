-- extra (not in locks.md): LOCK TABLE ONLY: the partitioned table alone
LOCK TABLE ONLY m IN SHARE MODE;

-- extra (not in locks.md): INSERT … SELECT reading a partitioned table: its partitions are read, the target written
INSERT INTO m_us SELECT * FROM m WHERE v > 100;

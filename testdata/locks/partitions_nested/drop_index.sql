-- extra (not in locks.md): DROP INDEX of a partitioned table's index drops its copies on every partition
DROP INDEX m_ts_idx;

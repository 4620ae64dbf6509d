-- A partitioned table and a partitioned index have no storage of their own: only the default for
-- future partitions changes.
ALTER TABLE measurements SET TABLESPACE fast_ssd;
ALTER INDEX measurements_taken_at_idx SET TABLESPACE fast_ssd;

-- Building a partitioned table's index safely: ON ONLY the parent is a catalog change;
-- each partition is then indexed CONCURRENTLY and attached.
CREATE INDEX measurements_logdate_idx ON ONLY measurements (logdate);
CREATE INDEX CONCURRENTLY measurements_2024_logdate_idx ON measurements_2024 (logdate);
ALTER INDEX measurements_logdate_idx ATTACH PARTITION measurements_2024_logdate_idx;

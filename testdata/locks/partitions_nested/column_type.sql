-- extra (not in locks.md): ALTER COLUMN TYPE rewrites the partitions with storage and rebuilds their indexes; the partitioned indexes have none
ALTER TABLE m ALTER COLUMN v TYPE bigint;

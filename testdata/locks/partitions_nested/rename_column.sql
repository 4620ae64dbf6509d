-- extra (not in locks.md): RENAME COLUMN of a partitioned table renames it in every partition, nested ones too
ALTER TABLE m RENAME COLUMN v TO w;

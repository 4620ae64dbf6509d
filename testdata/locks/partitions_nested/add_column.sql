-- extra (not in locks.md): ADD COLUMN recurses to nested partitions
ALTER TABLE m ADD COLUMN z int;

-- extra (not in locks.md): ADD PRIMARY KEY with a nullable column: SET NOT NULL on each partition, AccessExclusiveLock
ALTER TABLE m ADD PRIMARY KEY (id, region, ts, v);

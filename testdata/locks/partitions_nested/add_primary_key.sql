-- extra (not in locks.md): ADD PRIMARY KEY on NOT NULL columns: ShareLock on each partition, where its index is built
ALTER TABLE m ADD PRIMARY KEY (id, region, ts);

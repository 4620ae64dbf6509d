-- extra (not in locks.md): ADD UNIQUE: ShareLock on each partition, where its index is built
ALTER TABLE m ADD CONSTRAINT m_key UNIQUE (region, ts, v);

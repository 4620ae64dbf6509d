-- locks.md #42 set_compression: AccessExclusive, catalog-only
ALTER TABLE big ALTER COLUMN t SET COMPRESSION pglz;

-- locks.md #41 set_storage: AccessExclusive, catalog-only
ALTER TABLE big ALTER COLUMN t SET STORAGE EXTERNAL;

-- locks.md #39 set_statistics: ShareUpdateExclusive
ALTER TABLE big ALTER COLUMN n SET STATISTICS 500;

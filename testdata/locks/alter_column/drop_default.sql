-- locks.md #38 drop_default: catalog-only
ALTER TABLE big ALTER COLUMN n DROP DEFAULT;

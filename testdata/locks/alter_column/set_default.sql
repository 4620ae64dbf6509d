-- locks.md #37 set_default: catalog-only
ALTER TABLE big ALTER COLUMN n SET DEFAULT 0;

-- locks.md #36 drop_not_null: catalog-only
ALTER TABLE big ALTER COLUMN v DROP NOT NULL;

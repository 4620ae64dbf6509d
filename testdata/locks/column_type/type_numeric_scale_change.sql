-- locks.md #30 type_numeric_scale_change: rewrite
ALTER TABLE big ALTER COLUMN amount TYPE numeric(12,4);

-- locks.md #29 type_numeric_precision_increase: no rewrite
ALTER TABLE big ALTER COLUMN amount TYPE numeric(12,2);

-- locks.md #31 type_numeric_to_unconstrained: no rewrite
ALTER TABLE big ALTER COLUMN amount TYPE numeric;

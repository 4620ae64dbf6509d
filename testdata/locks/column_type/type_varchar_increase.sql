-- locks.md #20 type_varchar_increase: binary-coercible, no rewrite
ALTER TABLE big ALTER COLUMN v TYPE varchar(100);

-- locks.md #21 type_varchar_decrease: rewrite
ALTER TABLE big ALTER COLUMN v TYPE varchar(20);

-- locks.md #23 type_varchar_to_unbounded_varchar: no rewrite
ALTER TABLE big ALTER COLUMN v TYPE varchar;

-- locks.md #22 type_varchar_to_text: binary-coercible, no rewrite
ALTER TABLE big ALTER COLUMN v TYPE text;

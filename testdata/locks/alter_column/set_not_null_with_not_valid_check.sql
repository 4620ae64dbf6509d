-- locks.md #35 set_not_null_with_not_valid_check: a NOT VALID CHECK does not skip the scan
ALTER TABLE big ALTER COLUMN amount SET NOT NULL;

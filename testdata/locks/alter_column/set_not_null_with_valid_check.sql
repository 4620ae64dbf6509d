-- locks.md #34 set_not_null_with_valid_check: a validated CHECK skips the scan
ALTER TABLE big ALTER COLUMN n SET NOT NULL;

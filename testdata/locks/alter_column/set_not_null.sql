-- locks.md #33 set_not_null: verification scan under AccessExclusive
ALTER TABLE big ALTER COLUMN s SET NOT NULL;

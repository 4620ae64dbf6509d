-- locks.md #113 alter_type_add_value: no relation lock
ALTER TYPE mood ADD VALUE 'ecstatic';

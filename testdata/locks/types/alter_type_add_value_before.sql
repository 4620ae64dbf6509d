-- locks.md #114 alter_type_add_value_before: no relation lock
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';

-- locks.md #115 alter_type_rename_value: no relation lock
ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';

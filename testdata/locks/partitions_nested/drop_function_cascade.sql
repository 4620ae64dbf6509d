-- extra (not in locks.md): DROP FUNCTION CASCADE drops the row trigger and its clones
DROP FUNCTION f() CASCADE;

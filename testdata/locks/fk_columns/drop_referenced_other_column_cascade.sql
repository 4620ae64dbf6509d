-- extra (not in locks.md): DROP COLUMN ... CASCADE of a column no foreign key uses: the referencing
-- tables are not locked
ALTER TABLE parent DROP COLUMN name CASCADE;

-- extra (not in locks.md): the type of a referenced table's column that no foreign key uses changes:
-- the referenced table is rewritten, the referencing tables are not locked
ALTER TABLE parent ALTER COLUMN score TYPE bigint;

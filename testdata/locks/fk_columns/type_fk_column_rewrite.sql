-- extra (not in locks.md): the type of a referencing column changes: the foreign key is dropped and
-- re-created, and its triggers on the referenced table with it (AccessExclusive on parent)
ALTER TABLE big ALTER COLUMN parent_id TYPE bigint;

-- extra (not in locks.md): a binary-coercible type change of a referencing column: no rewrite, but
-- the foreign key is still dropped and re-created (AccessExclusive on parent)
ALTER TABLE big ALTER COLUMN pcode TYPE varchar;

-- extra (not in locks.md): a foreign key references a renamed column by its new name: a
-- binary-coercible type change of it re-creates big's foreign key through it (AccessExclusive on big)
ALTER TABLE parent RENAME COLUMN code TO label;
ALTER TABLE parent ALTER COLUMN label TYPE varchar;

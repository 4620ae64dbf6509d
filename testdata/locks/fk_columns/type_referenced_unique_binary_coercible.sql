-- extra (not in locks.md): a binary-coercible type change of a referenced unique column: the foreign
-- key through it (big's) is dropped and re-created; those through the primary key are not touched
ALTER TABLE parent ALTER COLUMN code TYPE varchar;

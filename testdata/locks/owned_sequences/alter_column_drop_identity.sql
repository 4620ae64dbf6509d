-- extra (not in locks.md): DROP IDENTITY drops the identity's sequence (AccessExclusive on
-- idents_id_seq)
ALTER TABLE idents ALTER COLUMN id DROP IDENTITY;

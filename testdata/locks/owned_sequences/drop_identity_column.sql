-- extra (not in locks.md): DROP COLUMN of an identity column drops its sequence
-- (AccessExclusive on idents_id_seq)
ALTER TABLE idents DROP COLUMN id;

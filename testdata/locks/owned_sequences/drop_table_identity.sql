-- extra (not in locks.md): DROP TABLE drops the sequence of its identity column with it
-- (AccessExclusive on idents_id_seq)
DROP TABLE idents;

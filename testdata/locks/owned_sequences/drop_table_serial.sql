-- extra (not in locks.md): DROP TABLE drops the sequence of its serial column with it
-- (AccessExclusive on serials_id_seq)
DROP TABLE serials;

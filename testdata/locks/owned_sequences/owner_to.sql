-- extra (not in locks.md): OWNER TO gives the indexes and the owned sequences the new owner too
-- (AccessExclusive on idents_pkey and idents_id_seq)
ALTER TABLE idents OWNER TO zdlint_app;

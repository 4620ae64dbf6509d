-- extra (not in locks.md): COMMENT ON CONSTRAINT looks the table up in AccessShare, as for a
-- trigger, policy or rule (a column's comment takes ShareUpdateExclusive)
COMMENT ON CONSTRAINT big_pkey ON big IS 'the key';

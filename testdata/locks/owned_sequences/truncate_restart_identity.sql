-- extra (not in locks.md): TRUNCATE ... RESTART IDENTITY resets the owned sequences (AccessExclusive
-- on serials_id_seq and idents_id_seq)
-- oracle: new-filenode-without-rewrite
TRUNCATE serials, idents RESTART IDENTITY;

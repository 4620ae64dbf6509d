-- extra (not in locks.md): SET SCHEMA moves the table's owned sequences with it (AccessExclusive on
-- serials_id_seq)
ALTER TABLE serials SET SCHEMA moved;

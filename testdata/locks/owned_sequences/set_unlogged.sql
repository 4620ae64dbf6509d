-- extra (not in locks.md): SET UNLOGGED rewrites the table and, on PostgreSQL 15, makes its owned
-- sequence unlogged too (AccessExclusive on serials_id_seq)
ALTER TABLE serials SET UNLOGGED;

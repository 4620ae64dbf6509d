-- extra (not in locks.md): a new type for an identity column alters its sequence to that type
-- (ShareRowExclusive on idents_id_seq); int to bigint rewrites the table
ALTER TABLE idents ALTER COLUMN id TYPE bigint;

-- extra (not in locks.md): bigserial is bigint with a default: TYPE bigint changes nothing, no
-- rewrite; the default's nextval() is parsed again (AccessShare on serials_id_seq)
ALTER TABLE serials ALTER COLUMN id TYPE bigint;

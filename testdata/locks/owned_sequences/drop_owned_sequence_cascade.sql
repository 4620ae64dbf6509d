-- extra (not in locks.md): DROP SEQUENCE ... CASCADE of a serial column's sequence drops the column's
-- default (AccessExclusive on serials)
DROP SEQUENCE serials_id_seq CASCADE;

-- Widening the elements of an array is not binary-coercible: every array is rebuilt (measured on
-- PostgreSQL 15).
ALTER TABLE labels ALTER COLUMN tags TYPE varchar(20)[];
-- expect: alter-column-type 3:20

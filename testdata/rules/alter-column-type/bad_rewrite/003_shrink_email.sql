-- Shrinking a varchar needs a length check of every row: a rewrite.
ALTER TABLE accounts ALTER COLUMN email TYPE varchar(50);
-- expect: alter-column-type 2:22

-- Only the second change rewrites.
ALTER TABLE orders
  ALTER COLUMN ref TYPE varchar(40),
  ALTER COLUMN qty SET DATA TYPE bigint;
-- expect: alter-column-type 4:3

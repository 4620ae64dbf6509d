ALTER TABLE accounts ALTER COLUMN id TYPE bigint;
-- expect: alter-column-type 1:22

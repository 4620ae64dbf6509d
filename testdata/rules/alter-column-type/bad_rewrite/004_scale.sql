-- A scale change converts every value.
ALTER TABLE accounts ALTER balance TYPE numeric(10,4);
-- expect: alter-column-type 2:22

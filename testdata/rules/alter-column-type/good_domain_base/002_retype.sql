-- Out of a domain into its base type, into a domain without constraints, and between a domain and
-- its base: the stored type stays the same and no row is converted (measured on PostgreSQL 15).
ALTER TABLE stock ALTER COLUMN quantity TYPE integer;
ALTER TABLE stock ALTER COLUMN reserved TYPE plain_int;
ALTER TABLE stock ALTER COLUMN shelf TYPE int4;
ALTER TABLE stock ALTER COLUMN name TYPE label;
-- The constrained domain it already has, written with its schema: nothing to do.
ALTER TABLE stock ALTER COLUMN level TYPE public.positive;

-- Binary-coercible changes only touch the catalog (and re-create, not rebuild, the column's indexes).
ALTER TABLE items ALTER COLUMN code TYPE varchar(100);
ALTER TABLE items ALTER COLUMN name TYPE text;
ALTER TABLE items ALTER COLUMN note TYPE varchar;
ALTER TABLE items ALTER COLUMN amount TYPE numeric(12,2);
ALTER TABLE items ALTER COLUMN total TYPE numeric;
-- The same type: nothing to do.
ALTER TABLE items ALTER COLUMN id TYPE int4;

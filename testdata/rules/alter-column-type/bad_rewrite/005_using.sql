-- varchar to text alone would be free, but USING is evaluated for every row.
ALTER TABLE accounts ALTER COLUMN email TYPE text USING lower(email);
-- expect: alter-column-type 2:22

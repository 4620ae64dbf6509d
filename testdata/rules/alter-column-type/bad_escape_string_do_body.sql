-- A DO body in an escape string (E'…'): its backslash escapes are decoded as PostgreSQL decodes
-- them, and the clause is still reported where it is in the file.
DO E'\nBEGIN\n  ALTER TABLE t ALTER COLUMN a TYPE bigint;\nEND';
-- expect: alter-column-type 3:31

-- An EXECUTE of an escape string inside a dollar-quoted body: \' is one quote.
DO $$
BEGIN
  EXECUTE E'ALTER TABLE t ADD COLUMN y text DEFAULT \'c\', ALTER COLUMN b TYPE bigint';
END $$;
-- expect: alter-column-type 9:60

-- Octal, hex and Unicode escapes, one of them spelling the statement's first letter.
DO E'BEGIN \101LTER TABLE t ADD COLUMN w text DEFAULT \'\x41\u00e9\', ALTER COLUMN c TYPE bigint; END';
-- expect: alter-column-type 14:71

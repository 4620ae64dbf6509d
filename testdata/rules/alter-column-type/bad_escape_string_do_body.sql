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

-- A body in a Unicode escape string (U&'…'), here with an escape character of its own.
DO U&'BEGIN !0041LTER TABLE t ALTER COLUMN d TYPE bigint; END' UESCAPE '!';
-- expect: alter-column-type 18:31

-- With the default escape character, a backslash.
DO U&'BEGIN \0041LTER TABLE t ALTER COLUMN e TYPE bigint; END';
-- expect: alter-column-type 22:31

-- An EXECUTE of a Unicode escape string.
DO $$
BEGIN
  EXECUTE U&'ALTER TABLE t ALTER COLUMN f TYPE \0062igint';
END $$;
-- expect: alter-column-type 28:28

-- A string continued on a later line is one string, whose escapes go on in the part after the break.
DO E'BEGIN ALTER TABLE t ALTER COLUMN g TYPE bigint; '
  -- between the parts
  '\u0045ND';
-- expect: alter-column-type 33:26

-- A surrogate pair whose low half is written with \U.
DO E'BEGIN ALTER TABLE t ALTER COLUMN h TYPE bigint; /* \uD83D\U0000DE00 */ END';
-- expect: alter-column-type 39:26

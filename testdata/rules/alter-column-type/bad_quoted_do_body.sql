-- A DO body in single quotes: its doubled quotes are one character each once decoded, and the
-- clause's position must still be the one in the file.
DO '
BEGIN
  ALTER TABLE t ADD COLUMN z text DEFAULT ''a''''''''b'', ALTER COLUMN a TYPE bigint;
END';
-- expect: alter-column-type 5:59

-- An EXECUTE string inside a dollar-quoted body: its own doubled quotes shift the clause too.
DO $$
BEGIN
  EXECUTE 'ALTER TABLE t ADD COLUMN y text DEFAULT ''c'''''', ALTER COLUMN b TYPE bigint';
END $$;
-- expect: alter-column-type 12:63

-- Across lines: the clause is on the line after the quotes.
DO '
BEGIN
  ALTER TABLE t ADD COLUMN x text DEFAULT ''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''''d'',
    ALTER COLUMN c TYPE bigint;
END';
-- expect: alter-column-type 20:5

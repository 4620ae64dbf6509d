-- extra (not in locks.md): enum column to text, rewrite
ALTER TABLE people ALTER COLUMN m TYPE text;

-- extra (not in locks.md): DROP COLUMN IF EXISTS of a missing column
ALTER TABLE big DROP COLUMN IF EXISTS nothing_here;

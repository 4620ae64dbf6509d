-- extra (not in locks.md): DROP INDEX IF EXISTS of a missing index
DROP INDEX IF EXISTS nothing_here_idx;

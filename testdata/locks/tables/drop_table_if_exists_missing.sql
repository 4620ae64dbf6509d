-- extra (not in locks.md): DROP TABLE IF EXISTS of a missing table
DROP TABLE IF EXISTS nothing_here;

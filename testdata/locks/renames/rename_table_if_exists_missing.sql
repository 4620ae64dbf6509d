-- extra (not in locks.md): ALTER TABLE IF EXISTS of a missing table
ALTER TABLE IF EXISTS nothing_here RENAME TO nothing_there;

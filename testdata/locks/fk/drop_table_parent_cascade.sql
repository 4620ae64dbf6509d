-- extra (not in locks.md): DROP TABLE of the referenced table with CASCADE
DROP TABLE parent CASCADE;

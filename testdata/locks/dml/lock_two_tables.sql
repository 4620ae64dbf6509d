-- extra (not in locks.md): LOCK TABLE of two tables
LOCK TABLE big, parent IN SHARE MODE;

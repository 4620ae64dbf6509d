-- extra (not in locks.md): CREATE TABLE ... (LIKE big INCLUDING ALL)
CREATE TABLE big_copy (LIKE big INCLUDING ALL);

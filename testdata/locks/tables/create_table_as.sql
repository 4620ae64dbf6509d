-- extra (not in locks.md): CREATE TABLE ... AS SELECT
CREATE TABLE big_copy AS SELECT * FROM big;

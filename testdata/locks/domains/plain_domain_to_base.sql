-- extra (not in locks.md): a column of a domain without constraints given the base type: no rewrite
ALTER TABLE stock ALTER COLUMN shelf TYPE int4;

-- extra (not in locks.md): a column given a domain of its type without constraints: no rewrite
ALTER TABLE stock ALTER COLUMN reserved TYPE plain_int;

-- extra (not in locks.md): a domain column given a domain over it with NOT NULL: a rewrite
ALTER TABLE stock ALTER COLUMN held TYPE strict_positive;

-- extra (not in locks.md): a domain column given its base type: the stored type stays, no rewrite
ALTER TABLE stock ALTER COLUMN quantity TYPE integer;

-- extra (not in locks.md): DROP FUNCTION ... CASCADE drops the triggers that run it (AccessExclusive
-- on amounts)
DROP FUNCTION stamp() CASCADE;

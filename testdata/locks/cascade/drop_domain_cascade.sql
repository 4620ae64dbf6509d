-- extra (not in locks.md): DROP DOMAIN ... CASCADE drops the columns of the domain (AccessExclusive
-- on amounts)
DROP DOMAIN positive CASCADE;

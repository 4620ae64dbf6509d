-- extra (not in locks.md): DROP TYPE ... CASCADE drops the columns of the type (AccessExclusive on
-- tickets)
DROP TYPE status CASCADE;

-- extra (not in locks.md): DROP SEQUENCE ... CASCADE drops the column default drawing from it
-- (AccessExclusive on tickets)
DROP SEQUENCE ticket_no CASCADE;

-- extra (not in locks.md): DROP TABLE ... CASCADE of a table a view joins drops that view (not the
-- view's other table)
DROP TABLE customers CASCADE;

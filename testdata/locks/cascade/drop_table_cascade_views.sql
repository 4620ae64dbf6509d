-- extra (not in locks.md): DROP TABLE ... CASCADE drops the views built on the table, the views on
-- those, and a materialized view with its index (AccessExclusive on each)
DROP TABLE orders CASCADE;

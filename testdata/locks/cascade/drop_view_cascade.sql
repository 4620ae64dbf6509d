-- extra (not in locks.md): DROP VIEW ... CASCADE drops the view built on it (AccessExclusive on
-- order_ids_2), not the table it reads
DROP VIEW order_ids CASCADE;

-- extra (not in locks.md): varchar(40) to a domain over varchar(40): no rewrite
ALTER TABLE stock ALTER COLUMN name TYPE label;

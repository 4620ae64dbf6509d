-- locks.md #128 drop_table_with_fk: AccessExclusive on the referenced table too
DROP TABLE big;

-- locks.md #134 lock_table_row_exclusive: RowExclusive
LOCK TABLE big IN ROW EXCLUSIVE MODE;

-- locks.md #132 lock_table_default: AccessExclusive
LOCK TABLE big;

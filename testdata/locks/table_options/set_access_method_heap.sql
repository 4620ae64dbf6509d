-- locks.md #67 set_access_method_heap: no-op on a heap table, still AccessExclusive
ALTER TABLE big SET ACCESS METHOD heap;

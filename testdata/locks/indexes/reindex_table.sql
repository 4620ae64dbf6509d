-- locks.md #98 reindex_table: Share on table, AccessExclusive on every index
REINDEX TABLE big;

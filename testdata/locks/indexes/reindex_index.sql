-- locks.md #97 reindex_index: Share on table, AccessExclusive on the index
REINDEX INDEX big_n_idx;

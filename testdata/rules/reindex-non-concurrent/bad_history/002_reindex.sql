-- The index exists since the previous migration: ShareLock on accounts, AccessExclusiveLock on the index.
REINDEX INDEX accounts_email_idx;
-- expect: reindex-non-concurrent 2:1
reindex table accounts;
-- expect: reindex-non-concurrent 4:1

-- locks.md #110 vacuum_full (observed queued behind an open reader)
-- oracle: no-transaction
-- oracle: blocker SELECT * FROM big WHERE id = 1
VACUUM FULL big;

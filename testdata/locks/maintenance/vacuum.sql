-- locks.md #109 vacuum (observed queued behind a ShareUpdateExclusive holder)
-- oracle: no-transaction
-- oracle: blocker LOCK TABLE big IN SHARE UPDATE EXCLUSIVE MODE
VACUUM big;

-- CLUSTER ON only marks the index (ShareUpdateExclusiveLock); nothing is rewritten.
ALTER TABLE accounts CLUSTER ON accounts_created_at_idx;
ALTER TABLE accounts SET WITHOUT CLUSTER;

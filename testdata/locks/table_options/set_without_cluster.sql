-- locks.md #69 set_without_cluster: ShareUpdateExclusive
ALTER TABLE big SET WITHOUT CLUSTER;

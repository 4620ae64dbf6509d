-- locks.md #68 cluster_on: ShareUpdateExclusive
ALTER TABLE big CLUSTER ON big_n_idx;

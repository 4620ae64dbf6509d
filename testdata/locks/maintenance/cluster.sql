-- locks.md #112 cluster: AccessExclusive + rewrite
CLUSTER big USING big_n_idx;

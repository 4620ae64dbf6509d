CLUSTER accounts USING accounts_created_at_idx;
-- expect: cluster 1:1
CLUSTER public.orders;
-- expect: cluster 3:1
CLUSTER;
-- expect: cluster 5:1
CLUSTER (VERBOSE) invoices USING invoices_pkey;
-- expect: cluster 7:1

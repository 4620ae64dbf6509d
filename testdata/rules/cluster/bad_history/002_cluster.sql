CLUSTER events;
-- expect: cluster 1:1

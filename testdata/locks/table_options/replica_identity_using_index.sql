-- locks.md #71 replica_identity_using_index
ALTER TABLE big REPLICA IDENTITY USING INDEX big_pkey;

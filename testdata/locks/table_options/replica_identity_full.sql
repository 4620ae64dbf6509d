-- locks.md #70 replica_identity_full
ALTER TABLE big REPLICA IDENTITY FULL;

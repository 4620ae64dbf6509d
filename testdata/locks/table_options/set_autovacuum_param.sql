-- locks.md #66 set_autovacuum_param: ShareUpdateExclusive
ALTER TABLE big SET (autovacuum_vacuum_scale_factor = 0.01);

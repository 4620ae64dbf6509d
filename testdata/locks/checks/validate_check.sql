-- locks.md #49 validate_check: ShareUpdateExclusive during the scan
ALTER TABLE big VALIDATE CONSTRAINT big_n_chk;

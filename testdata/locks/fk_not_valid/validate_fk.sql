-- locks.md #46 validate_fk: ShareUpdateExclusive on big, RowShare on parent
ALTER TABLE big VALIDATE CONSTRAINT big_parent_fk;

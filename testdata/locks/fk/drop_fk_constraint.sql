-- locks.md #56 drop_fk_constraint: AccessExclusive on both tables
ALTER TABLE big DROP CONSTRAINT big_parent_fk;

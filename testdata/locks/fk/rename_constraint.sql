-- locks.md #57 rename_constraint
ALTER TABLE big RENAME CONSTRAINT big_parent_fk TO big_parent_fk2;

-- locks.md #58 alter_constraint_deferrable
ALTER TABLE big ALTER CONSTRAINT big_parent_fk DEFERRABLE INITIALLY DEFERRED;

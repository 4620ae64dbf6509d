-- locks.md #45 add_fk_not_valid: ShareRowExclusive on both tables, no scan
ALTER TABLE big ADD CONSTRAINT big_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;

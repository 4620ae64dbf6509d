-- locks.md #44 add_fk: ShareRowExclusive on both tables, validation scan
ALTER TABLE big ADD CONSTRAINT big_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id);

-- locks.md #126 create_table_with_fk: ShareRowExclusive on the referenced table
CREATE TABLE child2 (id int PRIMARY KEY, parent_id bigint REFERENCES parent (id));

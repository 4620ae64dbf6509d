-- locks.md #102 create_view: AccessShare on the base table
CREATE VIEW big_view AS SELECT id, v FROM big WHERE flag;

-- extra (not in locks.md): CREATE VIEW on a view parses its query without expanding the view:
-- AccessShare on big_v only, nothing on big
CREATE VIEW big_v_ids AS SELECT id FROM big_v;

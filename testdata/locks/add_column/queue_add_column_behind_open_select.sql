-- locks.md #135 queue_add_column_behind_open_select: ADD COLUMN queued behind an open reader
-- oracle: observe
-- oracle: blocker SELECT * FROM big WHERE id = 1
ALTER TABLE big ADD COLUMN c1 int;

-- locks.md #136 queue_add_column_behind_open_select_lock_timeout: the statement pair, run uncontended in a transaction
SET lock_timeout = '100ms';
ALTER TABLE big ADD COLUMN c1 int;

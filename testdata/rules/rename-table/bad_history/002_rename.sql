SET lock_timeout = '2s';
ALTER TABLE projects RENAME TO workspaces;
-- expect: rename-table 2:1

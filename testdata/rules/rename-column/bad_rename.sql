ALTER TABLE projects RENAME COLUMN name TO title;
-- expect: rename-column 1:1
alter table public.projects rename description to summary;
-- expect: rename-column 3:1

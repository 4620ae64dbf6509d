SET lock_timeout = '2s';
-- zdlint-ignore-file drop-column-without-expand: nothing in this file drops a column
ALTER TABLE projects ADD COLUMN note text;
-- expect: unused-ignore 2:1

SET lock_timeout = '2s';
ALTER TABLE projects RENAME COLUMN titel TO title;
-- expect: rename-column 2:1
-- zdlint-ignore rename-column: the directive belongs above the statement
-- expect: unused-ignore 4:1

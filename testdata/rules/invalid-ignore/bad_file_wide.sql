-- zdlint-ignore-file rename-column:
SET lock_timeout = '2s';
ALTER TABLE projects RENAME COLUMN titel TO title;
-- expect: invalid-ignore 1:1
-- expect: rename-column 3:1

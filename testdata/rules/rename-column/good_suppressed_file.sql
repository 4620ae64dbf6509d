SET lock_timeout = '2s';
ALTER TABLE projects RENAME COLUMN titel TO title;
ALTER TABLE projects RENAME COLUMN descr TO description;
-- zdlint-ignore-file rename-column: every column renamed here was added by an unreleased migration

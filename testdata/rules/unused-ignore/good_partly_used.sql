-- Two directives may cover the same finding; both count as used.
-- zdlint-ignore-file rename-column: every column renamed here is new in this release
SET lock_timeout = '2s';
-- zdlint-ignore rename-column: titel was added by the previous migration
ALTER TABLE projects RENAME COLUMN titel TO title;

-- zdlint-ignore-file drop-column-without-expand: no release reads the dropped columns since v42
SET lock_timeout = '2s';
-- zdlint-ignore rename-column: titel was added by the previous, unreleased migration
ALTER TABLE projects RENAME COLUMN titel TO title;
ALTER TABLE projects DROP COLUMN legacy; /* zdlint-ignore drop-column-without-expand: see above */
-- A comment that merely mentions zdlint-ignore is prose, not a directive.
-- zdlint-ignored comments are prose too.

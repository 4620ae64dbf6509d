-- zdlint-ignore create-index-non-concurrent: lookup table, 40 rows
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
-- expect: unused-ignore 1:1

SET lock_timeout = '2s';
ALTER TABLE projects RENAME COLUMN titel TO title; -- zdlint-ignore rename-column, set-not-null: unreleased column
-- expect: unused-ignore 6:52

ALTER TABLE projects ADD COLUMN note text; /* zdlint-ignore rename-column: stale */
-- expect: unused-ignore 9:44

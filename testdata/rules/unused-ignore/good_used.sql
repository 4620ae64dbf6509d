-- zdlint-ignore create-index-non-concurrent: lookup table, 40 rows
CREATE INDEX country_codes_code_idx ON country_codes (code);

SET lock_timeout = '2s';
ALTER TABLE projects RENAME COLUMN titel TO title; -- zdlint-ignore rename-column: unreleased column

/* zdlint-ignore drop-column-without-expand: no release reads projects.legacy since v42 */
ALTER TABLE projects DROP COLUMN legacy;

-- zdlint-ignore-file rename-column: all renamed columns were added in this unreleased release
ALTER TABLE projects RENAME COLUMN descr TO description;

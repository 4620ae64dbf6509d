SET lock_timeout = '2s';
-- zdlint-ignore rename-column: titel was added by the previous, unreleased migration
ALTER TABLE projects RENAME COLUMN titel TO title;

ALTER TABLE projects RENAME COLUMN descr TO description; -- zdlint-ignore rename-column: new in this release

/* zdlint-ignore missing-statement-timeout, rename-column: the renamed column is not yet used */
ALTER TABLE projects
  RENAME COLUMN nme TO name;

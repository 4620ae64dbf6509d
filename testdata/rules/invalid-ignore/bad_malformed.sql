SET lock_timeout = '2s';
-- zdlint-ignore rename-column
ALTER TABLE projects RENAME COLUMN titel TO title;
-- expect: invalid-ignore 2:1
-- expect: rename-column 3:1

-- zdlint-ignore renaming-column, rename-column: titel is new
ALTER TABLE projects RENAME COLUMN descr TO description;
-- expect: invalid-ignore 7:1

/* zdlint-ignore: no rule named */
ALTER TABLE projects ADD COLUMN note text;
-- expect: invalid-ignore 11:1

ALTER TABLE projects ADD COLUMN other text; -- zdlint-ignore-next-line rename-column: no such directive
-- expect: invalid-ignore 15:45

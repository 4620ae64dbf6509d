-- zdlint-test: pg-version=10
-- Before PostgreSQL 11 every non-NULL default rewrites the table, even a constant.
ALTER TABLE accounts ADD COLUMN active boolean NOT NULL DEFAULT true;
-- expect: add-column-volatile-default 3:33
ALTER TABLE accounts ADD COLUMN created_at timestamptz DEFAULT now();
-- expect: add-column-volatile-default 5:33

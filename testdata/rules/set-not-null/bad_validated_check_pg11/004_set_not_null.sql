-- zdlint-test: pg-version=11
-- PostgreSQL 11 does not use the validated CHECK: SET NOT NULL still scans.
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
-- expect: set-not-null 3:22

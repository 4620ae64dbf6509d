-- zdlint-test: pg-version=10
ALTER TABLE accounts ADD COLUMN nickname text;
ALTER TABLE accounts ADD COLUMN deleted_at timestamptz DEFAULT NULL;

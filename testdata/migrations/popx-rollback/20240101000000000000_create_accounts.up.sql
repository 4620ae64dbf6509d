CREATE TABLE accounts (id uuid PRIMARY KEY, legacy text, plan text);
-- pop's names are golang-migrate's too: the scenario names its runner
-- zdlint-test: runner=popx

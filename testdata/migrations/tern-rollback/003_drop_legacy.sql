-- no down part: tern cannot migrate below this one
ALTER TABLE accounts DROP COLUMN legacy;
-- expect: missing-down-migration 2:1
-- without the marker line nothing in the file says tern: the scenario names its runner
-- zdlint-test: runner=tern

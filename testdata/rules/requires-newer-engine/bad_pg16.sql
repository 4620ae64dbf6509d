-- zdlint-test: pg-version=16
SELECT uuidv7(), random(1, 6), other_schema.uuidv7(), random();
-- expect: requires-newer-engine 2:8
-- expect: requires-newer-engine 2:18

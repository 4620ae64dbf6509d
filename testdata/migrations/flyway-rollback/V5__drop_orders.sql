-- zdlint-rollback:
-- expect: missing-down-migration 1:1
DROP TABLE orders;
-- expect: missing-down-migration 3:1

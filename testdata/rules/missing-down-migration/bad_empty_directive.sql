-- +goose Up
-- zdlint-rollback:
-- expect: missing-down-migration 2:1
DROP TABLE audit_log;
-- expect: missing-down-migration 4:1

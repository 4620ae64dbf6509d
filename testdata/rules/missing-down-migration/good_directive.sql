-- +goose Up
/* zdlint-rollback: restore public.audit_log from the nightly snapshot (runbook RB-12) */
DROP TABLE audit_log;

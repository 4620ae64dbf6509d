-- +goose Up
ALTER TABLE accounts DROP COLUMN legacy;
-- expect: missing-down-migration 2:1

-- +goose Up
ALTER TABLE users DROP COLUMN legacy_flag;
-- expect: missing-down-migration 2:1

-- migrate:up
TRUNCATE items;
-- expect: missing-down-migration 2:1

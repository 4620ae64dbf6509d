\set ON_ERROR_STOP on
-- zdlint-contract: 002_expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

-- zdlint-contract: 20240102000000_expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

-- depends: 0002_expand
-- zdlint-contract: 0002_expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

-- contract naming the migration that did its expand
-- zdlint-contract: V2__expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

-- Up Migration
-- zdlint-contract: 1700000000001_expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

-- Down Migration
CREATE TABLE legacy_events (id bigint PRIMARY KEY, payload text);
ALTER TABLE sessions ADD COLUMN legacy_token text;

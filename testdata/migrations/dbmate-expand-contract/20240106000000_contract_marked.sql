-- migrate:up
-- zdlint-contract: 20240102000000_expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

-- migrate:down
CREATE TABLE legacy_events (id bigint PRIMARY KEY, payload text);
ALTER TABLE sessions ADD COLUMN legacy_token text;

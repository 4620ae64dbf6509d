-- +goose Up
-- zdlint-contract: 00002_expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

-- +goose Down
CREATE TABLE legacy_events (id bigint PRIMARY KEY, payload text);
ALTER TABLE sessions ADD COLUMN legacy_token text;

CREATE TABLE legacy_events (id bigint PRIMARY KEY, payload text);
ALTER TABLE sessions ADD COLUMN legacy_token text;

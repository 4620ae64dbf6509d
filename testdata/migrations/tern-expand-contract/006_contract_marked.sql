-- contract naming the migration that did its expand
-- zdlint-contract: 002_expand
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;
---- create above / drop below ----
CREATE TABLE legacy_events (id bigint PRIMARY KEY, payload text);
ALTER TABLE sessions ADD COLUMN legacy_token text;

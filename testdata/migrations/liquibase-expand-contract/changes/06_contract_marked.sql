--liquibase formatted sql

--changeset ann:6
-- zdlint-contract: changes/02_expand.sql::2::ann
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;
--rollback CREATE TABLE legacy_events (id bigint PRIMARY KEY, payload text);
--rollback ALTER TABLE sessions ADD COLUMN legacy_token text;

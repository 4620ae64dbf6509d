--liquibase formatted sql

--changeset ann:2
ALTER TABLE accounts ADD COLUMN nickname text;
CREATE INDEX accounts_nickname_idx ON accounts (nickname);
-- the rollback drops the index but leaves the column behind
--rollback DROP INDEX accounts_nickname_idx;
-- expect: down-does-not-revert-up 7:12

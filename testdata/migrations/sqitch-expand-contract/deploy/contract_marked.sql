-- Deploy shop:contract_marked to pg
-- requires: create
-- zdlint-contract: expand

BEGIN;
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;
COMMIT;

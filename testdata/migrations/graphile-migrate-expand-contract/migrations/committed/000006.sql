--! Previous: sha1:5555555555555555555555555555555555555555
--! Hash: sha1:6666666666666666666666666666666666666666
--! Message: contract marked

-- zdlint-contract: 000002
ALTER TABLE sessions DROP COLUMN legacy_token;
DROP TABLE legacy_events;

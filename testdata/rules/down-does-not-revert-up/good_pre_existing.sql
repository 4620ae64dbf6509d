-- +goose Up
-- legacy_reports and users were created before the history zdlint sees: the down making them
-- again counts as bringing them back, whatever else they had
DROP TABLE legacy_reports;
ALTER TABLE users DROP COLUMN fax;
DROP TABLE IF EXISTS maybe_there;

-- +goose Down
CREATE TABLE legacy_reports (id bigint PRIMARY KEY, body text);
ALTER TABLE users ADD COLUMN fax text;

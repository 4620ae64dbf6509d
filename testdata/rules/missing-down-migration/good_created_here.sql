-- +goose Up
-- everything dropped here was created by this same migration: nothing deployed depends on it
CREATE TABLE import_scratch (id bigint PRIMARY KEY, payload jsonb);
CREATE INDEX import_scratch_payload_idx ON import_scratch USING gin (payload);
DROP INDEX import_scratch_payload_idx;
ALTER TABLE import_scratch RENAME COLUMN payload TO body;
TRUNCATE import_scratch;
DROP TABLE import_scratch;
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(40);

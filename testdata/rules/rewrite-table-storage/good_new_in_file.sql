CREATE TABLE staging (id bigint PRIMARY KEY, payload jsonb);
CREATE INDEX staging_payload_idx ON staging USING gin (payload);
ALTER TABLE staging SET UNLOGGED;
ALTER TABLE staging SET TABLESPACE scratch;
ALTER INDEX staging_payload_idx SET TABLESPACE scratch;

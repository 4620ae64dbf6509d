-- zdlint-test: pg-version=12
-- pgcrypto provides gen_random_uuid() before PostgreSQL 13.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
ALTER TABLE accounts ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
-- A function of the same name that the migrations created is not the built-in.
CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql AS $$ SELECT gen_random_uuid() $$;
SELECT uuidv7();
REINDEX INDEX CONCURRENTLY accounts_email_idx;
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
ALTER TABLE events DETACH PARTITION events_2020;
CREATE INDEX CONCURRENTLY events_at_idx ON events_2021 (at);

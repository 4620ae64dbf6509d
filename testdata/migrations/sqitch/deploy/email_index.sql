-- Deploy shop:email_index to pg
-- psql sends each statement on its own: without BEGIN, CONCURRENTLY works.
CREATE INDEX CONCURRENTLY customers_email_idx ON customers (email);

BEGIN;
CREATE INDEX CONCURRENTLY customers_phone_idx ON customers (phone);
COMMIT;
-- expect: concurrently-in-transaction 6:1

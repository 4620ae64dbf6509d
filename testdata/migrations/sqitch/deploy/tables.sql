-- Deploy shop:tables to pg
\set ON_ERROR_STOP on

BEGIN;
CREATE TABLE customers (id bigint PRIMARY KEY, email text, phone text,
  CONSTRAINT customers_email_not_null CHECK (email IS NOT NULL));
COMMENT ON TABLE customers IS :'customers_comment';
COMMIT;

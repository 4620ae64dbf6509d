--liquibase formatted sql

--changeset ann:2
-- The master changelog runs tables.sql first: its validated CHECK proves number IS NOT NULL.
ALTER TABLE invoices
  ALTER COLUMN number SET NOT NULL,
  ALTER COLUMN memo SET NOT NULL;
-- expect: set-not-null 7:3

--liquibase formatted sql

--changeset ann:1
CREATE TABLE invoices (id bigint PRIMARY KEY, number text, memo text,
  CONSTRAINT invoices_number_not_null CHECK (number IS NOT NULL));
--rollback DROP TABLE invoices;

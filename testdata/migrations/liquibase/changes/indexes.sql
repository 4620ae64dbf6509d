--liquibase formatted sql

--changeset ann:3
CREATE INDEX CONCURRENTLY invoices_number_idx ON invoices (number);
-- expect: concurrently-in-transaction 4:1
--rollback DROP INDEX invoices_number_idx;

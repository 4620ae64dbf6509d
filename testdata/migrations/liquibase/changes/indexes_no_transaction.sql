--liquibase formatted sql

--changeset ann:4 runInTransaction:false
CREATE INDEX CONCURRENTLY invoices_memo_idx ON invoices (memo);

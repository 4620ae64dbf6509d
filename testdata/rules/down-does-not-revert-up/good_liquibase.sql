--liquibase formatted sql
--changeset ana:1
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(10,2));
--rollback DROP TABLE invoices;
--changeset ana:2
ALTER TABLE invoices ADD COLUMN paid_at timestamptz;
CREATE INDEX invoices_paid_at_idx ON invoices (paid_at);
--rollback DROP INDEX invoices_paid_at_idx;
--rollback ALTER TABLE invoices DROP COLUMN paid_at;
--changeset ana:3
ALTER TABLE orders DROP COLUMN legacy;
--rollback ALTER TABLE orders ADD COLUMN legacy text;
--changeset ana:4
CREATE TABLE scratch (id int);
--rollback empty
--rollback DROP TABLE scratch;

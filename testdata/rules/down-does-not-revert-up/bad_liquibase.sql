--liquibase formatted sql
--changeset ana:1
ALTER TABLE invoices ADD COLUMN paid_at timestamptz;
CREATE INDEX invoices_paid_at_idx ON invoices (paid_at);
--rollback DROP INDEX invoices_paid_at_idx;
--changeset ana:2
ALTER TABLE invoices ALTER COLUMN total TYPE numeric(12,2);
--rollback ALTER TABLE invoices ALTER COLUMN total TYPE numeric(10,2);
-- the rollbacks run from the last changeset to the first, and none drops paid_at
-- expect: down-does-not-revert-up 8:12

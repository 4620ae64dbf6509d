-- Created in an earlier transaction of the same file: still new in this migration.
BEGIN;
CREATE TABLE refunds (id bigint PRIMARY KEY, payment_id bigint NOT NULL);
COMMIT;
CREATE INDEX refunds_payment_id_idx ON refunds (payment_id);

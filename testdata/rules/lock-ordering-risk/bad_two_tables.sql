BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN plan text;
ALTER TABLE accounts ADD COLUMN plan_since date;
ALTER TABLE subscriptions ADD COLUMN plan text;
-- expect: lock-ordering-risk 5:1
-- Reported once per transaction.
ALTER TABLE invoices ADD COLUMN plan text;
COMMIT;

BEGIN;
ALTER TABLE accounts ADD COLUMN plan text;
COMMIT;
BEGIN;
ALTER TABLE subscriptions ADD COLUMN plan text;
COMMIT;
-- Autocommit: every statement is its own transaction.
ALTER TABLE accounts ADD COLUMN plan_since date;
ALTER TABLE subscriptions ADD COLUMN plan_since date;

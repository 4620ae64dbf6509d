BEGIN;
SET LOCAL lock_timeout = '2s';
LOCK TABLE accounts, subscriptions IN ACCESS EXCLUSIVE MODE;
ALTER TABLE accounts ADD COLUMN plan text;
ALTER TABLE subscriptions ADD COLUMN plan text;
COMMIT;

BEGIN;
ALTER TABLE accounts ADD COLUMN plan text;
COMMIT;
  START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
-- expect: uncommitted-transaction 4:3
ALTER TABLE subscriptions ADD COLUMN plan text;

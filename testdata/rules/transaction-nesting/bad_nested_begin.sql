BEGIN;
ALTER TABLE accounts ADD COLUMN plan text;
BEGIN;
-- expect: transaction-nesting 3:1
ALTER TABLE subscriptions ADD COLUMN plan text;
COMMIT;
-- The first COMMIT ended the only transaction there was.
COMMIT;
-- expect: transaction-nesting 8:1

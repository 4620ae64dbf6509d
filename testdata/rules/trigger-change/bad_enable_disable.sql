ALTER TABLE accounts DISABLE TRIGGER accounts_touch;
-- expect: trigger-change 1:22
-- ALL also switches off the foreign-key triggers.
ALTER TABLE accounts DISABLE TRIGGER ALL;
-- expect: trigger-change 4:22
ALTER TABLE accounts ENABLE TRIGGER ALL;
-- expect: trigger-change 6:22
ALTER TABLE orders DISABLE TRIGGER USER, ENABLE REPLICA TRIGGER orders_sync;
-- expect: trigger-change 8:20
-- expect: trigger-change 8:42

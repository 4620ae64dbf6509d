DROP TRIGGER accounts_touch ON accounts;
-- expect: trigger-change 1:1
DROP TRIGGER IF EXISTS orders_audit ON public.orders CASCADE;
-- expect: trigger-change 3:1
ALTER TRIGGER accounts_audit ON accounts RENAME TO accounts_audit_v2;
-- expect: trigger-change 5:1

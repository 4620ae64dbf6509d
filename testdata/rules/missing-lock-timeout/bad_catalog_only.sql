-- Instant, catalog-only changes that still need AccessExclusiveLock on an existing table.
ALTER TABLE accounts ADD COLUMN nickname text;
-- expect: missing-lock-timeout 2:1
CREATE POLICY accounts_owner ON accounts USING (owner_id = current_user_id());
-- expect: missing-lock-timeout 4:1
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
-- expect: missing-lock-timeout 6:1
ALTER TABLE orders REPLICA IDENTITY FULL;
-- expect: missing-lock-timeout 8:1
ALTER TABLE invoices ALTER COLUMN notes SET STORAGE EXTERNAL;
-- expect: missing-lock-timeout 10:1
ALTER TABLE invoices OWNER TO billing;
-- expect: missing-lock-timeout 12:1

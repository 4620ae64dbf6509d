-- ShareUpdateExclusiveLock and weaker: reads and writes never queue behind these.
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
DROP INDEX CONCURRENTLY accounts_legacy_idx;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
ALTER TABLE orders ALTER COLUMN status SET STATISTICS 500;
COMMENT ON TABLE orders IS 'customer orders';
CREATE STATISTICS orders_stats ON status, account_id FROM orders;
ANALYZE orders;
UPDATE orders SET status = 'open' WHERE status IS NULL;
INSERT INTO audit_log (event) VALUES ('migrated');

CREATE INDEX accounts_email_idx ON accounts (email);
-- expect: missing-lock-timeout 1:1
CREATE TRIGGER accounts_audit AFTER UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION audit();
-- expect: missing-lock-timeout 3:1
LOCK TABLE orders IN SHARE MODE;
-- expect: missing-lock-timeout 5:1
DROP INDEX orders_status_idx;
-- expect: missing-lock-timeout 7:1
-- A new table whose foreign key locks an existing one in ShareRowExclusiveLock.
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
-- expect: missing-lock-timeout 10:1

-- zdlint-test: assume-in-transaction
-- ShareLock blocks writes too.
CREATE INDEX accounts_plan_idx ON accounts (plan);
CREATE TRIGGER subscriptions_audit AFTER UPDATE ON subscriptions FOR EACH ROW EXECUTE FUNCTION audit();
-- expect: lock-ordering-risk 4:1

CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
-- expect: trigger-change 1:1
CREATE OR REPLACE TRIGGER accounts_audit AFTER INSERT OR UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION audit_row();
-- expect: trigger-change 4:1
CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT ON orders
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_order();
-- expect: trigger-change 7:1

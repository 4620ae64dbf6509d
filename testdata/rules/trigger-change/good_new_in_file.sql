CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric NOT NULL, updated_at timestamptz);
CREATE TRIGGER ledger_touch BEFORE UPDATE ON ledger FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
ALTER TABLE ledger DISABLE TRIGGER ALL;
ALTER TABLE ledger ENABLE TRIGGER ALL;
ALTER TRIGGER ledger_touch ON ledger RENAME TO ledger_touch_v2;
DROP TRIGGER ledger_touch_v2 ON ledger;

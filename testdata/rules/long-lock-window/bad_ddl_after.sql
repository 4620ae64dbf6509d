BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN nickname text;
-- Same table, already locked, catalog-only: nothing new to wait for.
ALTER TABLE accounts ADD COLUMN handle text;
-- A lock on another table: may wait while accounts stays blocked. Reported once per transaction.
ALTER TABLE orders ADD COLUMN note text;
-- expect: long-lock-window 7:1
CREATE INDEX invoices_number_idx ON invoices (number);
COMMIT;

-- A new transaction starts from nothing.
BEGIN;
ALTER TABLE orders DROP COLUMN legacy;
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
-- expect: long-lock-window 15:1
COMMIT;

ALTER TABLE invoices DROP COLUMN payment_ref;
-- expect: drop-column-without-expand 1:22
-- A trigger or backfill in the same migration as the drop is not an earlier expand.
ALTER TABLE invoices ADD COLUMN memo text;
UPDATE invoices SET memo = note WHERE id < 10000;
ALTER TABLE invoices DROP COLUMN note;
-- expect: drop-column-without-expand 6:22

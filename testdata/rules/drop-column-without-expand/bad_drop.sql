ALTER TABLE invoices DROP COLUMN payment_ref;
-- expect: drop-column-without-expand 1:22
ALTER TABLE invoices
    DROP COLUMN IF EXISTS legacy_total,
    DROP "Old Name" CASCADE;
-- expect: drop-column-without-expand 4:5
-- expect: drop-column-without-expand 5:5

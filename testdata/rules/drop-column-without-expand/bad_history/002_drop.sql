ALTER TABLE invoices DROP COLUMN payment_ref;
-- expect: drop-column-without-expand 1:22

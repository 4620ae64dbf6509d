-- Contract, deployed after the application moved to payment_id.
ALTER TABLE invoices DROP COLUMN payment_ref;

-- zdlint-contract: 20240601_add_payment_id
ALTER TABLE invoices DROP COLUMN payment_ref;

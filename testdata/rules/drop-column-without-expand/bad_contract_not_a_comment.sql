-- An empty directive names nothing, and a string literal is no comment.
-- zdlint-contract:
SELECT '-- zdlint-contract: 20240601_add_payment_id';
ALTER TABLE invoices DROP COLUMN payment_ref;
-- expect: drop-column-without-expand 4:22

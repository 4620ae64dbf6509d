-- zdlint-test: assume-in-transaction
SET LOCAL lock_timeout = '2s';
   DROP INDEX billing.invoices_number_idx;
-- expect: drop-index-non-concurrent 3:4

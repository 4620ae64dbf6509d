BEGIN;
LOCK TABLE accounts;
-- expect: lock-table 2:1
LOCK TABLE accounts IN SHARE MODE;
-- expect: lock-table 4:1
LOCK orders, invoices IN EXCLUSIVE MODE NOWAIT;
-- expect: lock-table 6:1
LOCK TABLE ONLY ledger IN SHARE ROW EXCLUSIVE MODE;
-- expect: lock-table 8:1
COMMIT;

-- The history never created accounts: its access method is assumed to be heap.
ALTER TABLE accounts SET ACCESS METHOD columnar;
-- expect: rewrite-table-storage 2:22

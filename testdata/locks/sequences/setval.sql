-- locks.md #125 setval: RowExclusive on the sequence
SELECT setval('order_seq', 5000);

-- setval() takes RowExclusiveLock only and is not transactional: nextval() keeps working.
SELECT setval('order_seq', 100000);
SELECT setval('order_seq', 100000, false);
SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders));

-- extra (not in locks.md): nextval()
SELECT nextval('order_seq');

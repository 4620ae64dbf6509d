-- extra (not in locks.md): LOCK TABLE on a view locks the tables its query reads in the same mode
LOCK TABLE order_totals IN SHARE MODE;

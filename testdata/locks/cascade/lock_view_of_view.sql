-- extra (not in locks.md): LOCK TABLE on a view of a view locks the inner view and its table too
LOCK TABLE order_ids_2;

-- extra (not in locks.md): ALTER SEQUENCE ... OWNED BY
ALTER SEQUENCE order_seq OWNED BY orders.id;

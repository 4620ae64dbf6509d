-- sequence order_seq used as the default of orders.id
CREATE SEQUENCE order_seq;
CREATE TABLE orders (id bigint PRIMARY KEY DEFAULT nextval('order_seq'), note text);
INSERT INTO orders (note) SELECT 'x' FROM generate_series(1, 20);

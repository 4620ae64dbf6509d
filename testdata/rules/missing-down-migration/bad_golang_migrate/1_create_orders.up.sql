CREATE TABLE orders (id bigint PRIMARY KEY, status text, total int, note text);
CREATE INDEX orders_status_idx ON orders (status);

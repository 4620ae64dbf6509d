CREATE TABLE orders (id bigint PRIMARY KEY, ref varchar(20), qty integer);

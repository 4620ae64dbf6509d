CREATE TABLE carts (id bigint PRIMARY KEY, owner text);

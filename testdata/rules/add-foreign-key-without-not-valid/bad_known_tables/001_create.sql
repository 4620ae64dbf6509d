CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint);

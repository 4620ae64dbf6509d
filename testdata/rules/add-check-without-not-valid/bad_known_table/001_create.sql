CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL);

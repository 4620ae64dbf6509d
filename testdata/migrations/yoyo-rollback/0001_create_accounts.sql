CREATE TABLE accounts (id bigint PRIMARY KEY, legacy text, plan text);

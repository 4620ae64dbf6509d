CREATE TABLE accounts (id bigint PRIMARY KEY, legacy text, plan text);
---- create above / drop below ----
DROP TABLE accounts;

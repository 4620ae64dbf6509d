-- Up Migration
CREATE TABLE accounts (id bigint PRIMARY KEY, legacy text, plan text);

-- Down Migration
DROP TABLE accounts;

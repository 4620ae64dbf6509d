-- Deploy bank:create_accounts to pg

BEGIN;
CREATE TABLE accounts (id bigint PRIMARY KEY, legacy text, plan text);
COMMIT;

-- +goose Up
CREATE TABLE accounts (id bigint PRIMARY KEY, name text);

-- +goose Down
DROP TABLE accounts;

-- +goose Up
CREATE TABLE accounts (id bigint PRIMARY KEY, legacy text);

-- +goose Down
DROP TABLE accounts;

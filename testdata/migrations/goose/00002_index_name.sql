-- +goose Up
CREATE INDEX CONCURRENTLY accounts_name_idx ON accounts (name);
-- expect: concurrently-in-transaction 2:1

-- +goose Down
DROP INDEX CONCURRENTLY accounts_name_idx;

-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY accounts_id_name_idx ON accounts (id, name);
CREATE INDEX CONCURRENTLY accounts_name_id_idx ON accounts (name, id);

-- +goose Down
DROP INDEX CONCURRENTLY accounts_name_id_idx;
DROP INDEX CONCURRENTLY accounts_id_name_idx;

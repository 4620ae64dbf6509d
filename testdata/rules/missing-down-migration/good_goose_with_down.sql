-- +goose Up
ALTER TABLE users DROP COLUMN legacy_flag;

-- +goose Down
ALTER TABLE users ADD COLUMN legacy_flag boolean;

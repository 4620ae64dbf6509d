-- +goose Up
ALTER TABLE accounts RENAME COLUMN plan TO tier;

-- +goose Down
ALTER TABLE accounts RENAME COLUMN tier TO plan;

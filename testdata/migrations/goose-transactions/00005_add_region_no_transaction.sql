-- +goose NO TRANSACTION
-- +goose Up
ALTER TABLE accounts ADD COLUMN region text;
UPDATE accounts SET region = 'eu' WHERE id BETWEEN 1 AND 10000;

-- +goose Down
ALTER TABLE accounts DROP COLUMN region;

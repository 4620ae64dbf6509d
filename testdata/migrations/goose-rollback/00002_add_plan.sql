-- +goose Up
ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';

-- +goose Down
-- only relaxes the column: it is still there after the rollback
ALTER TABLE accounts ALTER COLUMN plan DROP NOT NULL;
-- expect: down-does-not-revert-up 6:1

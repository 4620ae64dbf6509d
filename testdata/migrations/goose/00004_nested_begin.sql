-- +goose Up
BEGIN;
ALTER TABLE accounts ADD COLUMN note text;
COMMIT;

-- +goose Down
ALTER TABLE accounts DROP COLUMN note;
-- expect: transaction-nesting 2:1
-- expect: transaction-nesting 4:1

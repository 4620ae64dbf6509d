-- migrate:up
ALTER TABLE items DROP COLUMN note;

-- migrate:down
ALTER TABLE items ADD COLUMN note text;

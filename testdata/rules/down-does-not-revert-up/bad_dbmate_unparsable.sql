-- migrate:up
ALTER TABLE items ADD COLUMN note text;

-- migrate:down
ALTER TABLE items DROP COLUMN note;
DROP TABEL items_archive;
-- expect: down-does-not-revert-up 6:6

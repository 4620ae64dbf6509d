-- migrate:up
DROP INDEX items_sku_idx;

-- migrate:down
-- recreated as a unique index: not what the up dropped
CREATE UNIQUE INDEX items_sku_idx ON items (sku);
-- expect: down-does-not-revert-up 6:1

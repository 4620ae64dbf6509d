-- migrate:up
CREATE INDEX CONCURRENTLY items_id_sku_idx ON items (id, sku);
-- expect: concurrently-in-transaction 2:1

-- migrate:down
DROP INDEX items_id_sku_idx;

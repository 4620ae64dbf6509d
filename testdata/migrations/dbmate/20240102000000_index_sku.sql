-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY items_sku_idx ON items (sku);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY items_sku_idx;

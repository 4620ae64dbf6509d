-- migrate:up
CREATE TABLE items (id bigint PRIMARY KEY, sku text NOT NULL, note text);
CREATE INDEX items_sku_idx ON items (sku);

-- migrate:down
DROP TABLE items;

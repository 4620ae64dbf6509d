-- migrate:up
CREATE TABLE items (id bigint PRIMARY KEY, sku text);

-- migrate:down
DROP TABLE items;

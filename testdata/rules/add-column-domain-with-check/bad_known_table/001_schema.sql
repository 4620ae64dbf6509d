CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);

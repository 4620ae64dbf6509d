CREATE TABLE orders (id bigint PRIMARY KEY, total numeric NOT NULL);
CREATE MATERIALIZED VIEW order_stats AS SELECT count(*) AS n, sum(total) AS total FROM orders WITH NO DATA;
-- Nothing reads the view yet: the first refresh populates it.
REFRESH MATERIALIZED VIEW order_stats;

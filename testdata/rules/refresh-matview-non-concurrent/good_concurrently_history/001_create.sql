CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL, total numeric NOT NULL);
CREATE MATERIALIZED VIEW daily_totals AS
  SELECT date_trunc('day', placed_at) AS day, sum(total) AS total FROM orders GROUP BY 1;
CREATE UNIQUE INDEX daily_totals_day_key ON daily_totals (day);

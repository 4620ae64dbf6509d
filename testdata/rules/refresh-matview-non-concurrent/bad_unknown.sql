REFRESH MATERIALIZED VIEW daily_totals;
-- expect: refresh-matview-non-concurrent 1:1
REFRESH MATERIALIZED VIEW reporting.monthly_totals WITH DATA;
-- expect: refresh-matview-non-concurrent 3:1
-- Emptying a view the application reads makes every read of it fail until the next refresh.
REFRESH MATERIALIZED VIEW daily_totals WITH NO DATA;
-- expect: refresh-matview-non-concurrent 6:1

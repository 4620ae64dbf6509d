-- daily_totals has no unique index yet, so CONCURRENTLY would also need one first.
REFRESH MATERIALIZED VIEW daily_totals;
-- expect: refresh-matview-non-concurrent 2:1

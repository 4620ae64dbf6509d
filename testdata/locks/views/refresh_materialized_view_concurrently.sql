-- locks.md #106 refresh_materialized_view_concurrently: Exclusive on the matview
REFRESH MATERIALIZED VIEW CONCURRENTLY big_mv;

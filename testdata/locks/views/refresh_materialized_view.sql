-- locks.md #105 refresh_materialized_view: AccessExclusive on the matview, new relfilenode
REFRESH MATERIALIZED VIEW big_mv;

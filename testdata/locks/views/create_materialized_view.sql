-- locks.md #104 create_materialized_view: AccessShare on the base table
CREATE MATERIALIZED VIEW big_mv2 AS SELECT n, count(*) FROM big GROUP BY n;

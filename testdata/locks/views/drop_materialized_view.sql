-- extra (not in locks.md): DROP MATERIALIZED VIEW
DROP MATERIALIZED VIEW big_mv;
